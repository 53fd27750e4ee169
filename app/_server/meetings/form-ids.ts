import "server-only";
import type { FormValues } from "@/app/_lib/form-state";
import { RECORD_ID } from "@/app/_lib/ids";
import { notFound } from "../errors";

/**
 * Ids that back-office forms carry in hidden fields. Anything but an id of the app's shape is an unknown
 * record: answered as `not_found`, never passed to the database.
 */
export function hiddenId(values: FormValues, field: string, what: string): string {
  const value = values[field];
  if (typeof value !== "string" || !RECORD_ID.test(value)) throw notFound(what);
  return value;
}
