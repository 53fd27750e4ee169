import { readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { closePGlite } from "./adapter";
import { diffSchemas, isEmptyMigration, SCHEMA_PATH, SNAPSHOT_PATH } from "./migrations";

afterAll(async () => {
  // diffSchemas hands the schema engine an in-memory PGlite that it leaves open.
  await closePGlite("memory://");
});

// The first diff boots the schema engine's WebAssembly and the in-memory PGlite it is handed.
describe("npm run db:check", { timeout: 60_000 }, () => {
  it("finds no change of schema.prisma since the last migration", async () => {
    const [snapshot, schema] = await Promise.all([
      readFile(SNAPSHOT_PATH, "utf8"),
      readFile(SCHEMA_PATH, "utf8"),
    ]);
    const sql = await diffSchemas(snapshot, schema);
    expect(isEmptyMigration(sql), `schema.prisma changed without a migration:\n${sql}`).toBe(true);
  });

  it("would notice a model added without a migration", async () => {
    const snapshot = await readFile(SNAPSHOT_PATH, "utf8");
    const sql = await diffSchemas(snapshot, `${snapshot}\nmodel Probe {\n  id Int @id\n}\n`);
    expect(isEmptyMigration(sql)).toBe(false);
    expect(sql).toContain(`CREATE TABLE "Probe"`);
  });
});

describe("isEmptyMigration", () => {
  it("treats comments and blank lines as nothing", () => {
    expect(isEmptyMigration("-- This is an empty migration.\n\n")).toBe(true);
    expect(isEmptyMigration(`-- CreateTable\nCREATE TABLE "x" ("id" INTEGER);`)).toBe(false);
  });
});
