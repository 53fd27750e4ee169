import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

// The Prisma CLI fetches its native schema engine before any command, and that download cannot happen
// on a closed network. `prisma generate` does not need the engine, so where the real binary is absent we
// point the CLI at a stand-in that explains this and fails if anything ever tries to run it. Migrations
// go through the engine's WebAssembly build instead (`npm run db:*`). Where the real binary exists,
// Prisma is left alone.
const enginesDir = path.join(import.meta.dirname, "node_modules", "@prisma", "engines");
const hasNativeEngine =
  existsSync(enginesDir) && readdirSync(enginesDir).some((file) => file.startsWith("schema-engine"));
if (!hasNativeEngine && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(
    import.meta.dirname,
    "scripts",
    "schema-engine-unavailable.sh",
  );
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "npm run db:seed" },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
