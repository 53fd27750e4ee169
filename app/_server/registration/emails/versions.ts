import "server-only";
import { DRAFT_VERSION, type RegistrationEmailDraft } from "./drafts";

/**
 * Drafts of every version ever written, read as the current one. A queued email is composed by the
 * release that sends it, which may be newer than the one that queued it: without this, a release that
 * changed the view would make every email queued before it fail.
 */

type StoredDraft = Record<string, unknown> & { version?: unknown };

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
  if (typeof stored !== "object" || stored === null) throw new Error("Not a registration email draft");
  let draft = stored as StoredDraft;
  // The first release wrote no version.
  let version = draft.version ?? 1;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1 || version > DRAFT_VERSION)
    throw new Error(
      `Registration email draft of version ${String(version)}: this release reads 1 to ${DRAFT_VERSION}`,
    );
  for (; version < DRAFT_VERSION; version += 1) draft = upgrades[version]!(draft);
  return { ...draft, version: DRAFT_VERSION } as RegistrationEmailDraft;
}
