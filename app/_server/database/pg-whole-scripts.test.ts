import { PrismaPg } from "@prisma/adapter-pg";
import { isDriverAdapterError } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { runScriptsWhole } from "./pg-whole-scripts";

/**
 * The shim of pg-whole-scripts.ts leans on PrismaPg's internals as of 7.10. Each test here says what to
 * do when an upgrade breaks it. No database: a stand-in pool records what the adapter sends.
 */
function standInPool(answer: (sql: string) => Promise<unknown> = async () => ({ rows: [] })) {
  const query = vi.fn(answer);
  // A real pool (PrismaPg takes only a pg.Pool as a pool) that never connects: its queries are recorded.
  const pool = new pg.Pool();
  pool.query = query as unknown as typeof pool.query;
  return { pool, query };
}

const SCRIPT = "INSERT INTO notes VALUES ('a;b'); SELECT 1";

describe("PrismaPg's scripts (pg-whole-scripts.ts)", () => {
  it("upstream still splits scripts on every semicolon: when this fails, PrismaPg runs them whole, remove the shim", async () => {
    const { pool, query } = standInPool();
    await (await new PrismaPg(pool).connect()).executeScript(SCRIPT);
    expect(query.mock.calls.map(([sql]) => sql)).toEqual(["INSERT INTO notes VALUES ('a", "b')", "SELECT 1"]);
  });

  it("the shim sends the script whole, to the pool the adapter names publicly", async () => {
    const { pool, query } = standInPool();
    const adapter = runScriptsWhole(await new PrismaPg(pool).connect());
    expect(adapter.underlyingDriver()).toBe(pool);
    await adapter.executeScript(SCRIPT);
    expect(query.mock.calls.map(([sql]) => sql)).toEqual([SCRIPT]);
  });

  it("the adapter's protected onError still converts pg errors to DriverAdapterError: when this fails, the shim's error path needs another way", async () => {
    const refusal = Object.assign(new Error('relation "notes" does not exist'), {
      code: "42P01",
      severity: "ERROR",
    });
    const { pool } = standInPool(async () => Promise.reject(refusal));
    const adapter = runScriptsWhole(await new PrismaPg(pool).connect());
    expect(typeof (adapter as unknown as { onError: unknown }).onError).toBe("function");
    const failure = await adapter.executeScript(SCRIPT).catch((error: unknown) => error);
    expect(isDriverAdapterError(failure)).toBe(true);
    expect((failure as { cause: { kind: string } }).cause.kind).toBe("TableDoesNotExist");
  });
});
