import { describe, expect, it } from "vitest";
import { adapterFactory } from "./adapter";
import { configuredTarget } from "./target";

describe("driver adapter scripts", () => {
  it("runs a multi-statement script with semicolons inside literals and function bodies", async () => {
    const adapter = await adapterFactory(configuredTarget()).connect();
    try {
      await adapter.executeScript(`
        CREATE TABLE script_probe (note text);
        INSERT INTO script_probe VALUES ('a;b'), ('c');
        CREATE FUNCTION script_probe_count() RETURNS bigint LANGUAGE sql AS $$ SELECT count(*) FROM script_probe; $$;
      `);
      const notes = await adapter.queryRaw({
        sql: "SELECT note FROM script_probe ORDER BY note",
        args: [],
        argTypes: [],
      });
      expect(notes.rows).toEqual([["a;b"], ["c"]]);
      const count = await adapter.queryRaw({
        sql: "SELECT script_probe_count()::int AS n",
        args: [],
        argTypes: [],
      });
      expect(count.rows).toEqual([[2]]);
    } finally {
      await adapter.executeScript(
        "DROP FUNCTION IF EXISTS script_probe_count(); DROP TABLE IF EXISTS script_probe;",
      );
      await adapter.dispose();
    }
  });

  // PostgreSQL only: that is where scripts go through our replacement. (PGlite's own adapter rejects too, but
  // also leaks an unhandled rejection from inside PGlite, which would fail the run.)
  it.runIf(configuredTarget().kind === "postgres")(
    "reports a failing statement as Prisma's driver error",
    async () => {
      const adapter = await adapterFactory(configuredTarget()).connect();
      try {
        await expect(adapter.executeScript("SELECT 1; SELECT * FROM no_such_table;")).rejects.toMatchObject({
          name: "DriverAdapterError",
          cause: { kind: "TableDoesNotExist" },
        });
      } finally {
        await adapter.dispose();
      }
    },
  );
});
