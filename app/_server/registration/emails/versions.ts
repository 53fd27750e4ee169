import "server-only";
import { DRAFT_VERSION, type RegistrationEmailDraft } from "./drafts";

/**
 * Drafts of every version ever written, read as the current one. A queued email is composed by the
 * release that sends it, which may be newer than the one that queued it: without this, a release that
 * changed the view would make every email queued before it fail.
 */

export type StoredDraft = Record<string, unknown> & { version?: unknown };

/**
 * The step from each earlier version to the next: `upgrades[n]` turns a draft of version n into one of
 * version n + 1 (filling what the new shape needs from what the old one has). None yet: version 1 is the
 * only shape so far.
 */
const upgrades: Record<number, (draft: StoredDraft) => StoredDraft> = {};

/**
 * The stored draft (JSON) as the current shape. Throws on a draft of a later version than this code
 * writes (a release rolled back after queueing some): that email then fails alone, and a newer release
 * sends it again (the outbox page's retry).
 */
export function readDraft(stored: unknown): RegistrationEmailDraft {
  return readVersioned(stored, { name: "Registration email draft", current: DRAFT_VERSION, upgrades });
}

/**
 * A stored draft of any version read as the `current` one, through `upgrades` (the step from each earlier
 * version to the next); a draft without a version is version 1. Throws on what is no draft and on a draft
 * of a later version than `current`. Every kind of draft that the registration emails store reads its own
 * this way.
 */
export function readVersioned<T>(
  stored: unknown,
  kind: { name: string; current: number; upgrades: Record<number, (draft: StoredDraft) => StoredDraft> },
): T {
  if (typeof stored !== "object" || stored === null) throw new Error(`Not a ${kind.name.toLowerCase()}`);
  let draft = stored as StoredDraft;
  // The first release wrote no version.
  let version = draft.version ?? 1;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1 || version > kind.current)
    throw new Error(`${kind.name} of version ${String(version)}: this release reads 1 to ${kind.current}`);
  for (; version < kind.current; version += 1) draft = kind.upgrades[version]!(draft);
  return { ...draft, version: kind.current } as T;
}
