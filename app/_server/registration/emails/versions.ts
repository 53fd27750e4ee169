import "server-only";
import { readVersionedDraft, type StoredDraft } from "../../mail/draft-versions";
import { DRAFT_VERSION, type RegistrationEmailDraft } from "./drafts";

/**
 * The step from each earlier version to the next: `upgrades[n]` turns a draft of version n into one of
 * version n + 1 (filling what the new shape needs from what the old one has). None yet: version 1 is the
 * only shape so far.
 */
const upgrades: Record<number, (draft: StoredDraft) => StoredDraft> = {};

/** The stored registration email draft (JSON) of any version as the current shape (mail/draft-versions.ts). */
export function readDraft(stored: unknown): RegistrationEmailDraft {
  return readVersionedDraft(stored, { name: "Registration email draft", current: DRAFT_VERSION, upgrades });
}
