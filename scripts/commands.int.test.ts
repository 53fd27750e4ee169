/**
 * The commands a person runs, run as that person runs them: `npm run -s <script>` in a child process, with
 * DATABASE_URL or DATA_DIR pointing at a database of this file, and the outcome checked in the database.
 * PostgreSQL tier: every command, on a fresh database and on the file's own one, and every kind of bad
 * input. Embedded tier: the commands on a fresh PGlite folder (each start of one boots PGlite, so only
 * those that differ there). Each child costs a `tsx` start, so cases are grouped.
 */
import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closePGlite } from "@/app/_server/database/adapter";
import { signIn } from "@/app/_server/accounts/sign-in";
import { db } from "@/app/_server/db";
import { register } from "@/app/_server/registration/register";
import { createTestDatabase, fileDatabase, type TestDatabase } from "@/test/integration/databases";
import { createMeetingRow, delegate } from "@/test/integration/factories";

const ROOT = path.resolve(import.meta.dirname, "..");
const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");
const onPostgres = inject("dbTier") === "postgres";
/** The tier that also runs the commands that need no database: PostgreSQL's when it runs. */
const primary = onPostgres || !inject("testDatabaseUrl");
const STRONG = "Hannover Messe 2017, Halle 2";
const SLOW = 180_000;

if (!inject("testDatabaseUrl")) {
  console.warn(
    "\n*** SKIPPED: the npm scripts against PostgreSQL (TEST_DATABASE_URL not set); only the embedded database's ran ***\n",
  );
}

type Run = { code: number | null; stdout: string; stderr: string };

/** `npm run -s <script> -- …args` with the database of `target` and nothing of Vitest's environment. */
function npm(
  script: string,
  args: string[],
  target: TestDatabase["target"] | { url: string },
  extra: Record<string, string> = {},
): Promise<Run> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(VITEST|NODE_ENV|DATABASE_URL|DATA_DIR|ADMIN_PASSWORD)/.test(key),
    ),
  );
  // As on a server (and in the container), not Vitest's "test".
  const env: NodeJS.ProcessEnv = { ...inherited, NODE_ENV: "production" };
  if ("url" in target) env.DATABASE_URL = target.url;
  else env.DATA_DIR = target.dataDir;
  Object.assign(env, extra);
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["run", "-s", script, ...(args.length ? ["--", ...args] : [])],
      { cwd: ROOT, env, timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

/** A refusal as a person should see it: exit code 1, one line on stderr, no stack trace, no password. */
function expectOneSentence(run: Run, pattern: RegExp, secret?: string) {
  expect(run.code, run.stderr).toBe(1);
  const lines = run.stderr.trim().split("\n");
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  if (secret) expect(run.stderr + run.stdout).not.toContain(secret);
}

async function migrationFolders(): Promise<string[]> {
  return (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Reads the database between commands; an embedded folder is closed again, since the next command opens it. */
async function inspect<T>(
  database: TestDatabase,
  read: (query: TestDatabase["query"]) => Promise<T>,
): Promise<T> {
  try {
    return await read(database.query.bind(database));
  } finally {
    if (database.target.kind === "pglite") await closePGlite(database.target.dataDir);
  }
}

const count = async (query: TestDatabase["query"], sql: string) =>
  (await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`))[0]!.n;

describe("database commands on a fresh database", () => {
  let fresh: TestDatabase;
  beforeAll(async () => {
    fresh = await createTestDatabase();
  });
  afterAll(() => fresh?.drop());

  it(
    "db:migrate applies every migration and loads the 24 member cities and the initiators, and nothing else",
    async () => {
      const run = await npm("db:migrate", [], fresh.target);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(
        /^Applied \d+ migration\(s\): .*\nThe alliance's facts are in place: 24 cities, 2 people\.\n$/,
      );
      const folders = await migrationFolders();
      await inspect(fresh, async (query) => {
        const rows = await query<{ migration_name: string; finished_at: Date | null }>(
          `SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`,
        );
        expect(rows.map((row) => row.migration_name)).toEqual(folders);
        expect(rows.every((row) => row.finished_at)).toBe(true);
        expect(await count(query, `"City"`)).toBe(24);
        expect(await count(query, `"Person" WHERE initiator`)).toBe(2);
        expect(await count(query, `"Meeting"`)).toBe(0);
        expect(await count(query, `"User"`)).toBe(0);
      });
    },
    SLOW,
  );

  it.runIf(onPostgres)(
    "db:migrate again applies nothing and adds nothing",
    async () => {
      const run = await npm("db:migrate", [], fresh.target);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe(
        "No pending migrations.\nThe alliance's facts are in place: 24 cities, 2 people.\n",
      );
      await inspect(fresh, async (query) => expect(await count(query, `"City"`)).toBe(24));
    },
    SLOW,
  );

  it(
    "db:seed loads the 2017 demo meeting, without accounts or delegates",
    async () => {
      const run = await npm("db:seed", [], fresh.target);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^Loaded the demo meeting: 24 cities, 3 people, \d+ sessions/);
      await inspect(fresh, async (query) => {
        expect(await count(query, `"Meeting" WHERE slug = '2017'`)).toBe(1);
        expect(await count(query, `"Session"`)).toBeGreaterThanOrEqual(10);
        expect(await count(query, `"CeremonySegment"`)).toBeGreaterThan(1);
        expect(await count(query, `"Person" WHERE slug = 'ute-berg'`)).toBe(1);
        expect(await count(query, `"User"`)).toBe(0);
        expect(await count(query, `"Registration"`)).toBe(0);
      });
    },
    SLOW,
  );

  it.runIf(onPostgres)(
    "db:reset drops what was there, applies every migration and loads the demo again",
    async () => {
      await fresh.exec(
        `UPDATE "City" SET "nameEn" = 'Edited' WHERE slug = 'yunfu'; DELETE FROM "CeremonyOfficial"`,
      );
      const run = await npm("db:reset", [], fresh.target);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(
        /^Reset the database and applied \d+ migration\(s\)\.\nLoaded the demo meeting: /,
      );
      expect(await fresh.query(`SELECT "nameEn" FROM "City" WHERE slug = 'yunfu'`)).toEqual([
        { nameEn: "Yunfu" },
      ]);
      expect(await count(fresh.query.bind(fresh), `"CeremonyOfficial"`)).toBe(3);
      expect(await count(fresh.query.bind(fresh), `_prisma_migrations`)).toBe(
        (await migrationFolders()).length,
      );
    },
    SLOW,
  );

  it.runIf(primary)(
    "db:check passes, and db:migration with no change in schema.prisma writes nothing",
    async () => {
      const [check, usage] = await Promise.all([
        npm("db:check", [], fresh.target),
        npm("db:migration", ["Not-A-Name"], fresh.target),
      ]);
      expect(usage.code).toBe(2);
      // Nothing below runs unless schema.prisma and the migrations agree: db:migration would write a folder.
      expect(check.code, check.stderr).toBe(0);
      expect(check.stdout).toBe("Migrations match schema.prisma.\n");
      const before = await migrationFolders();
      const run = await npm("db:migration", ["nothing_changed"], fresh.target);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/nothing to write/);
      expect(await migrationFolders()).toEqual(before);
    },
    SLOW,
  );

  it.runIf(!onPostgres)(
    "admin:create and retention work on the embedded database",
    async () => {
      const created = await npm(
        "admin:create",
        ["--email", "Root@Example.org", "--name", "Root Admin"],
        fresh.target,
        { ADMIN_PASSWORD: STRONG },
      );
      expect(created.code, created.stderr).toBe(0);
      const [user] = await inspect(fresh, (query) =>
        query<{ role: string; passwordHash: string }>(
          `SELECT role, "passwordHash" FROM "User" WHERE email = 'root@example.org'`,
        ),
      );
      expect(user?.role).toBe("admin");
      expect(await verify(user!.passwordHash, STRONG)).toBe(true);
      const retention = await npm("retention", ["--dry-run"], fresh.target);
      expect(retention.code, retention.stderr).toBe(0);
      expect(retention.stdout).toMatch(/^Dry run, nothing changed\. .*\n2017: /);
    },
    SLOW,
  );
});

describe.runIf(onPostgres)("admin:create and retention on PostgreSQL", () => {
  const target = () => fileDatabase().target;
  const EMAIL = "first.admin@example.org";

  it(
    "admin:create creates an admin who can sign in; a second run is refused and changes nothing; --reset gives a new password",
    async () => {
      const created = await npm(
        "admin:create",
        ["--email", EMAIL.toUpperCase(), "--name", "First Admin"],
        target(),
        { ADMIN_PASSWORD: STRONG },
      );
      expect(created.code, created.stderr).toBe(0);
      expect(created.stdout).toMatch(
        /^Created the admin account first\.admin@example\.org\. Sign in at http.*\/en\/admin\/sign-in\n$/,
      );
      const user = await db.user.findUniqueOrThrow({ where: { email: EMAIL } });
      expect(user).toMatchObject({ role: "admin", disabledAt: null, name: "First Admin" });
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await signIn({ email: EMAIL, password: STRONG, clientAddress: "192.0.2.1" })).toMatchObject({
        outcome: "signed-in",
        user: { id: user.id },
      });
      const signedIn = await db.user.findUniqueOrThrow({ where: { email: EMAIL } });

      const again = await npm("admin:create", ["--email", EMAIL, "--name", "Someone Else"], target(), {
        ADMIN_PASSWORD: "another strong password",
      });
      expectOneSentence(
        again,
        /^There is already an account for first\.admin@example\.org: run the command again with --reset to give it this password and make it an enabled admin\.$/,
      );
      expect(await db.user.findUniqueOrThrow({ where: { email: EMAIL } })).toEqual(signedIn);

      await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date(), role: "checkin" } });
      const reset = await npm("admin:create", ["--email", EMAIL, "--reset"], target(), {
        ADMIN_PASSWORD: "another strong password",
      });
      expect(reset.code, reset.stderr).toBe(0);
      expect(await db.user.findUniqueOrThrow({ where: { email: EMAIL } })).toMatchObject({
        role: "admin",
        disabledAt: null,
        name: "First Admin",
      });
      expect(
        await signIn({ email: EMAIL, password: "another strong password", clientAddress: "192.0.2.2" }),
      ).toMatchObject({ outcome: "signed-in" });
      expect(await signIn({ email: EMAIL, password: STRONG, clientAddress: "192.0.2.3" })).toEqual({
        outcome: "refused",
      });
      expect(await db.user.count()).toBe(1);
    },
    SLOW,
  );

  it(
    "retention says what it would do in a dry run, changes nothing, then anonymizes a meeting past its date",
    async () => {
      const slug = "past-2020";
      await createMeetingRow({
        slug,
        startsOn: new Date("2020-04-20T00:00:00Z"),
        endsOn: new Date("2020-04-21T00:00:00Z"),
      });
      const { id } = await register(slug, delegate({ givenName: "Quintus" }), {
        locale: "de",
        now: new Date("2020-03-01T10:00:00Z"),
      });

      const dry = await npm("retention", ["--dry-run"], target());
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toMatch(/^Dry run, nothing changed\. Retention: 90 days/);
      expect(dry.stdout).toMatch(/^past-2020: would anonymize 1 registration\(s\)/m);
      expect(await db.registration.findUniqueOrThrow({ where: { id } })).toMatchObject({
        givenName: "Quintus",
        anonymizedAt: null,
      });

      // What has run out goes too: a counter past its window, a session past its lifetime.
      const past = new Date("2020-03-01T10:00:00Z");
      await db.rateLimit.create({
        data: { key: "test:expired", windowStart: past, count: 3, expiresAt: past },
      });
      const admin = await db.user.findUniqueOrThrow({ where: { email: EMAIL } });
      await db.userSession.create({
        data: {
          id: "ended-session",
          userId: admin.id,
          createdAt: past,
          lastSeenAt: past,
          expiresAt: past,
          userAgent: "test",
        },
      });

      const real = await npm("retention", [], target());
      expect(real.code, real.stderr).toBe(0);
      expect(real.stdout).toMatch(/^past-2020: anonymized 1 registration\(s\)/m);
      expect(real.stdout).toMatch(
        /^Deleted 1 ended session\(s\), [1-9]\d* expired rate-limit counter\(s\), 0 sign-in address\(es\) unused for 90 days\.$/m,
      );
      expect(await db.rateLimit.count({ where: { key: "test:expired" } })).toBe(0);
      expect(await db.userSession.count({ where: { id: "ended-session" } })).toBe(0);
      expect(real.stdout).not.toContain("Quintus");
      const after = await db.registration.findUniqueOrThrow({ where: { id } });
      expect(after.givenName).toBe("");
      expect(after.anonymizedAt).not.toBeNull();
    },
    SLOW,
  );

  it(
    "a weak password, and a database that cannot be reached, found or read: one sentence each, exit 1, nothing created",
    async () => {
      const server = new URL(inject("testDatabaseUrl"));
      const withPassword = (host: string, database: string) =>
        `postgresql://${server.username || "postgres"}:Sesame-${"x".repeat(4)}@${host}/${database}`;
      const [weak, unreachable, missing, mysql, notUrl, retention] = await Promise.all([
        npm("admin:create", ["--email", "weak@example.org", "--name", "Weak"], target(), {
          ADMIN_PASSWORD: "hannover",
        }),
        npm(
          "admin:create",
          ["--email", EMAIL, "--name", "X"],
          { url: withPassword("127.0.0.1:1", "x") },
          { ADMIN_PASSWORD: STRONG },
        ),
        npm("db:migrate", [], { url: withPassword(server.host, "no_such_database_here") }),
        npm(
          "admin:create",
          ["--email", EMAIL, "--name", "X"],
          { url: "mysql://root:Sesame-xxxx@localhost/x" },
          { ADMIN_PASSWORD: STRONG },
        ),
        npm("db:seed", [], { url: "not a url" }),
        npm("retention", [], { url: withPassword("127.0.0.1:1", "x") }),
      ]);
      expectOneSentence(weak, /^The password needs at least 12 characters\.$/, "hannover");
      expectOneSentence(
        unreachable,
        /^Cannot reach the PostgreSQL server at 127\.0\.0\.1:1 \(connection refused\)/,
        "Sesame-xxxx",
      );
      expectOneSentence(retention, /^Cannot reach the PostgreSQL server at 127\.0\.0\.1:1/, "Sesame-xxxx");
      expectOneSentence(
        missing,
        /^The database "no_such_database_here" does not exist on the PostgreSQL server at /,
        "Sesame-xxxx",
      );
      expectOneSentence(
        mysql,
        /^Invalid environment: DATABASE_URL: not a PostgreSQL connection string/,
        "Sesame-xxxx",
      );
      expectOneSentence(notUrl, /^Invalid environment: DATABASE_URL: not a PostgreSQL connection string/);
      expect(await db.user.findMany({ select: { email: true } })).toEqual([{ email: EMAIL }]);
    },
    SLOW,
  );
});
