/**
 * The migration that turns every instant column from `timestamp(3)` (UTC wall time, as Prisma wrote it)
 * into `timestamptz(3)`: each value must be the same instant afterwards, whatever the time zone of the
 * session that applies it or reads it. Rows are written with the schema before it, into every column it
 * changes, from a session in Asia/Shanghai (where a conversion that took the session's zone would shift
 * them by 8 hours).
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/test/integration/databases";
import { PrismaClient } from "../generated/prisma/client";
import { adapterFactory } from "./adapter";
import { applyMigrations, MIGRATIONS_DIR } from "./migrations";

const folders = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const migration = folders.find((name) => name.endsWith("_timestamptz"))!;
const before = folders[folders.indexOf(migration) - 1]!;
const migrationSql = await readFile(path.join(MIGRATIONS_DIR, migration, "migration.sql"), "utf8");

type Column = { table: string; column: string; type: string; notNull: boolean; hasDefault: boolean };

const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const database of databases) await database.drop();
});

/** A database with the schema as it stood before the migration, its sessions in Asia/Shanghai. */
async function databaseBefore(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  databases.push(database);
  await applyMigrations(database.target, before);
  if (database.tier === "postgres") {
    // Every new connection too, as on a server configured for that zone.
    const [current] = await database.query<{ name: string }>(`SELECT current_database() AS name`);
    await database.exec(`ALTER DATABASE "${current!.name}" SET timezone TO 'Asia/Shanghai'`);
  }
  await database.exec(`SET TIME ZONE 'Asia/Shanghai'`);
  return database;
}

async function columnsOf(database: TestDatabase): Promise<Column[]> {
  return database.query<Column>(`
    SELECT table_name AS "table", column_name AS "column", data_type AS "type",
           is_nullable = 'NO' AS "notNull", column_default IS NOT NULL AS "hasDefault"
    FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
    ORDER BY table_name, column_name`);
}

/** Instants on either side of midnight in Beijing and in Hannover, with milliseconds. */
const INSTANTS = ["2017-04-24T08:00:00.123Z", "2017-04-23T16:30:00.000Z", "2026-12-31T23:59:59.999Z"];

/**
 * One row in every table with an instant column: each instant column gets one of INSTANTS as Prisma
 * wrote it into `timestamp(3)` (UTC wall time, no zone), every other required column some value of its
 * type. Foreign keys are not checked meanwhile (session_replication_role): the rows only need to exist.
 */
async function writeRows(database: TestDatabase, columns: Column[]): Promise<Map<string, string>> {
  const written = new Map<string, string>();
  const instantColumns = columns.filter((column) => column.type === "timestamp without time zone");
  const tables = [...new Set(instantColumns.map((column) => column.table))];
  await database.exec(`SET session_replication_role = replica`);
  for (const table of tables) {
    const filled = columns.filter(
      (column) =>
        column.table === table &&
        (column.type === "timestamp without time zone" || (column.notNull && !column.hasDefault)),
    );
    const values: string[] = [];
    for (const column of filled) {
      if (column.type !== "timestamp without time zone") {
        values.push(await valueOf(database, column));
        continue;
      }
      const instant = INSTANTS[written.size % INSTANTS.length]!;
      written.set(`${table}.${column.column}`, instant);
      values.push(`'${instant.replace("T", " ").replace("Z", "")}'`);
    }
    await database.exec(
      `INSERT INTO "${table}" (${filled.map((column) => `"${column.column}"`).join(", ")}) VALUES (${values.join(", ")})`,
    );
  }
  await database.exec(`SET session_replication_role = DEFAULT`);
  return written;
}

async function valueOf(database: TestDatabase, column: Column): Promise<string> {
  switch (column.type) {
    case "text":
      return `'${column.table}-${column.column}'`;
    case "integer":
      return "0";
    case "boolean":
      return "false";
    case "date":
      return "'2017-04-24'";
    case "timestamp with time zone":
      return "'2017-04-24 08:00:00+00'";
    case "jsonb":
      return `'{}'`;
    case "bytea":
      return `'\\x00'`;
    case "ARRAY":
      return `'{}'`;
    case "USER-DEFINED": {
      const [first] = await database.query<{ label: string }>(
        `SELECT e.enumlabel AS label FROM pg_enum e
         JOIN pg_type t ON t.oid = e.enumtypid
         JOIN pg_attribute a ON a.atttypid = t.oid
         WHERE a.attrelid = $1::regclass AND a.attname = $2 ORDER BY e.enumsortorder LIMIT 1`,
        [`"${column.table}"`, column.column],
      );
      return `'${first!.label}'`;
    }
    default:
      throw new Error(`No test value for ${column.table}.${column.column} (${column.type})`);
  }
}

/** Each column's instant, read in UTC whatever the session's zone. */
async function readInstants(database: TestDatabase, keys: Iterable<string>): Promise<Map<string, string>> {
  const read = new Map<string, string>();
  for (const key of keys) {
    const [table, column] = key.split(".");
    const [row] = await database.query<{ instant: string }>(
      `SELECT to_char("${column}" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS instant FROM "${table}"`,
    );
    read.set(key, row!.instant);
  }
  return read;
}

// Each test migrates a database of its own: on PGlite, under load, that takes longer than the usual 30 s.
describe(`migration ${migration}`, { timeout: 120_000 }, () => {
  it("turns every instant column into timestamptz, and only those", async () => {
    const database = await databaseBefore();
    const columnsBefore = await columnsOf(database);
    const instantColumns = columnsBefore.filter((column) => column.type === "timestamp without time zone");
    expect(instantColumns.length).toBeGreaterThan(30);
    // Each column the migration changes is read as UTC wall time (without USING, it would be read in the
    // session's zone).
    const altered = [
      ...migrationSql.matchAll(/ALTER COLUMN "(\w+)" SET DATA TYPE TIMESTAMPTZ\(3\)( USING [^,;]+)?/g),
    ];
    for (const [, column, using] of altered) expect(using).toBe(` USING "${column}" AT TIME ZONE 'UTC'`);

    await applyMigrations(database.target, migration);
    const columnsAfter = await columnsOf(database);
    expect(columnsAfter.filter((column) => column.type === "timestamp without time zone")).toEqual([]);
    const changed = columnsAfter.filter((column, index) => column.type !== columnsBefore[index]!.type);
    expect(changed.map((column) => `${column.table}.${column.column}`)).toEqual(
      instantColumns.map((column) => `${column.table}.${column.column}`),
    );
    expect(new Set(changed.map((column) => column.type))).toEqual(new Set(["timestamp with time zone"]));
  });

  it("keeps every instant, applied by the app's migration engine", async () => {
    const database = await databaseBefore();
    const written = await writeRows(database, await columnsOf(database));
    await applyMigrations(database.target);
    expect(await readInstants(database, written.keys())).toEqual(written);

    // As the app reads them: its sessions are UTC, also where the server's default zone is not.
    if (database.tier === "pglite") await database.exec(`RESET TIME ZONE`);
    const client = new PrismaClient({ adapter: adapterFactory(database.target) });
    try {
      const user = await client.user.findFirstOrThrow();
      const meeting = await client.meeting.findFirstOrThrow();
      expect({
        "User.createdAt": user.createdAt.toISOString(),
        "User.disabledAt": user.disabledAt?.toISOString(),
        "Meeting.registrationOpensAt": meeting.registrationOpensAt?.toISOString(),
        "Meeting.updatedAt": meeting.updatedAt.toISOString(),
      }).toEqual({
        "User.createdAt": written.get("User.createdAt"),
        "User.disabledAt": written.get("User.disabledAt"),
        "Meeting.registrationOpensAt": written.get("Meeting.registrationOpensAt"),
        "Meeting.updatedAt": written.get("Meeting.updatedAt"),
      });
    } finally {
      await client.$disconnect();
    }
  });

  it("keeps every instant, run as plain SQL from a session in another time zone (`prisma migrate deploy`)", async () => {
    const database = await databaseBefore();
    const written = await writeRows(database, await columnsOf(database));
    await database.exec(migrationSql);
    expect(await readInstants(database, written.keys())).toEqual(written);
  });
});
