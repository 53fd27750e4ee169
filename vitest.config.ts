import { availableParallelism } from "node:os";
import path from "node:path";
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

/**
 * Three projects: `unit` (pure code, no database), and the integration tests (`*.int.test.ts`) twice,
 * against embedded PGlite always and against PostgreSQL when TEST_DATABASE_URL is set. Every
 * integration test file gets its own fresh, migrated database (test/integration/setup.ts).
 */

const root = import.meta.dirname;
const testDatabaseUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

// Vitest evaluates this file once more for every project that extends it: say it once per run.
const announced = globalThis as unknown as { __postgresTierNotice?: true };
if (!testDatabaseUrl && !announced.__postgresTierNotice) {
  announced.__postgresTierNotice = true;
  console.warn("\n*** SKIPPED: PostgreSQL tier (TEST_DATABASE_URL not set) ***\n");
}

function integration(tier: "pglite" | "postgres"): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name: `integration-${tier}`,
      include: ["**/*.int.test.ts"],
      exclude: [...configDefaults.exclude, ".next/**", ".data/**"],
      globalSetup: ["test/integration/global-setup.ts"],
      setupFiles: ["test/integration/setup.ts"],
      provide: { dbTier: tier, testDatabaseUrl: testDatabaseUrl ?? "" },
      // PGlite boots a WebAssembly Postgres per file; leave room for a busy 2-core machine.
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  };
}

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // `server-only` throws unless resolved with the react-server condition, which Next applies and Vitest
    // does not; aliasing just this package keeps every other package on its normal (non-RSC) build.
    alias: { "server-only": path.join(root, "node_modules/server-only/empty.js") },
  },
  test: {
    environment: "node",
    // A fresh child process per test file: each file's environment (DATABASE_URL, DATA_DIR) and the
    // app's process-wide caches (env, Prisma client, PGlite instances) start clean.
    pool: "forks",
    isolate: true,
    // Vitest's default leaves one core idle (cores − 1: a single worker on a 2-core machine). Test files
    // spend much of their time waiting for a database, so one worker per core keeps both busy.
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "**/*.int.test.ts"],
        },
      },
      integration("pglite"),
      ...(testDatabaseUrl ? [integration("postgres")] : []),
    ],
  },
});
