import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "../db";
import { Prisma as PrismaValues } from "../generated/prisma/client";

/**
 * Many rows of one table in one INSERT, for the writes of a registration rush (registration/register.ts).
 * Prisma compiles every createMany anew (its plan cache leaves out createMany, whose shape changes with
 * the number of rows), and in a rush that compilation cost more CPU than everything else the database
 * layer did. Here the rows go to PostgreSQL as one JSON parameter, which json_populate_recordset turns
 * into rows of the table's own column types: enums, arrays and jsonb included.
 *
 * The caller gives what Prisma would otherwise fill in: ids (newRecordId), `createdAt` and `updatedAt`
 * (Dates, which go in as ISO text with their zone). Columns left out get the table's default; a column given as null or
 * undefined is NULL. Every row must name the same columns, so that none is dropped silently.
 */
export async function insertRows(
  tx: Pick<Prisma.TransactionClient, "$executeRaw">,
  table: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  // Names go into the statement as they are: only plain ones.
  if (![table, ...columns].every((name) => IDENTIFIER.test(name)))
    throw new Error(`Not a plain table or column name in ${table}`);
  const signature = [...columns].sort().join();
  if (rows.some((row) => Object.keys(row).sort().join() !== signature))
    throw new Error(`Rows for ${table} name different columns`);
  const quotedTable = PrismaValues.raw(`"${table}"`);
  const list = PrismaValues.raw(columns.map((column) => `"${column}"`).join(", "));
  await tx.$executeRaw`
    INSERT INTO ${quotedTable} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${quotedTable}, ${JSON.stringify(rows, asJson)}::json)`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Bytes as bytea's hex text, and text as the driver sends a parameter: a lone UTF-16 surrogate becomes
 * U+FFFD (PostgreSQL refuses JSON that escapes one). Dates are already ISO text here (Date's toJSON).
 */
function asJson(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  if (original instanceof Uint8Array) return `\\x${Buffer.from(original).toString("hex")}`;
  return typeof value === "string" ? value.toWellFormed() : value;
}

/** Ids made by this process so far, for the part of newRecordId that orders ids made in one millisecond. */
let made = 0;

/**
 * A record id of the shape Prisma's cuid() gives (25 characters, "c", then base 36): the time in
 * milliseconds, a counter of this process, and 62 random bits. Ids made later by the process sort later,
 * within a millisecond too (as Prisma's do): the members of a registration group, written with one
 * `createdAt`, keep their order of arrival where lists break ties by id.
 */
export function newRecordId(): string {
  made = (made + 1) % 36 ** 4;
  const random = (BigInt(`0x${randomBytes(8).toString("hex")}`) % 36n ** 12n).toString(36).padStart(12, "0");
  return `c${Date.now().toString(36).padStart(8, "0")}${made.toString(36).padStart(4, "0")}${random}`;
}
