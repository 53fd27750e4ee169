import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dumpCatalogue } from "@/test/integration/catalogue";
import { createTestDatabase, fileDatabase, type TestDatabase } from "@/test/integration/databases";
import { applyMigrations, diffSchemas, MIGRATIONS_DIR, SCHEMA_PATH } from "./migrations";

const folders = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("applyMigrations on an empty database", () => {
  it("applies every folder of prisma/migrations in order, and nothing the second time", async () => {
    const database = fileDatabase();
    expect(folders.length).toBeGreaterThan(0);
    expect(database.appliedMigrations).toEqual(folders);
    expect(await applyMigrations(database.target)).toEqual([]);
  });

  it("records each migration as `prisma migrate deploy` does, with the sha256 of migration.sql", async () => {
    const rows = await fileDatabase().query(`
      SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NULL AS kept,
             logs, applied_steps_count
      FROM _prisma_migrations ORDER BY migration_name`);
    const expected = await Promise.all(
      folders.map(async (folder) => ({
        migration_name: folder,
        checksum: sha256(await readFile(path.join(MIGRATIONS_DIR, folder, "migration.sql"), "utf8")),
        finished: true,
        kept: true,
        logs: null,
        applied_steps_count: 1,
      })),
    );
    expect(rows).toEqual(expected);
  });
});

describe("the migrated database", () => {
  let fromSchema: TestDatabase;

  beforeAll(async () => {
    fromSchema = await createTestDatabase();
    await fromSchema.exec(await diffSchemas(null, await readFile(SCHEMA_PATH, "utf8")));
  });

  afterAll(async () => {
    await fromSchema?.drop();
  });

  it("has exactly the tables, columns, indexes, constraints and enums that schema.prisma describes", async () => {
    const schema = await readFile(SCHEMA_PATH, "utf8");
    const models = [...schema.matchAll(/^model (\w+) \{/gm)].map((match) => match[1]);
    const enums = [...schema.matchAll(/^enum (\w+) \{/gm)].map((match) => match[1]);

    const expected = await dumpCatalogue(fromSchema);
    // Guards against comparing two empty dumps.
    expect(expected.relations.map((relation) => relation.name).sort()).toEqual([...models].sort());
    expect(expected.enums.map((type) => type.name).sort()).toEqual([...enums].sort());
    expect(expected.constraints.some((constraint) => constraint.type === "f")).toBe(true);

    expect(await dumpCatalogue(fileDatabase())).toEqual(expected);
  });
});
