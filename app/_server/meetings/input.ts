import "server-only";
import type { z } from "zod";
import { schemaFieldErrors } from "@/app/_lib/meetings/fields";
import { invalid } from "../errors";

/** The input as the schema reads it, or `invalid` with every field's problem. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(schemaFieldErrors(parsed.error));
  return parsed.data;
}
