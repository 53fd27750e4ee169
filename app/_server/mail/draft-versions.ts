import "server-only";

/**
 * Drafts (outbox.ts: an email stored as data, composed when it leaves) of every version ever written,
 * read as the current one. A queued email is composed by the release that sends it, which may be newer
 * than the one that queued it: without this, a release that changed a draft's shape would make every
 * email queued before it fail. Each domain that stores drafts keeps its own versions and steps.
 */

export type StoredDraft = Record<string, unknown> & { version?: unknown };

export type DraftVersions = {
  /** What the drafts are, for the errors: "Registration email draft". */
  name: string;
  /** The version the code writes now. */
  current: number;
  /**
   * The step from each earlier version to the next: `upgrades[n]` turns a draft of version n into one of
   * version n + 1, filling what the new shape needs from what the old one has.
   */
  upgrades: Record<number, (draft: StoredDraft) => StoredDraft>;
};

/**
 * The stored draft (JSON) in the current shape. A draft without a version is version 1 (the first
 * release of drafts wrote none). Throws on a draft of a later version than this code writes (a release
 * rolled back after queueing some): that email then fails alone, and a newer release sends it again (the
 * outbox page's retry).
 */
export function readVersionedDraft<Draft>(stored: unknown, versions: DraftVersions): Draft {
  const { name, current, upgrades } = versions;
  if (typeof stored !== "object" || stored === null) throw new Error(`Not a ${name.toLowerCase()}`);
  let draft = stored as StoredDraft;
  let version = draft.version ?? 1;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1 || version > current)
    throw new Error(`${name} of version ${String(version)}: this release reads 1 to ${current}`);
  for (; version < current; version += 1) draft = upgrades[version]!(draft);
  return { ...draft, version: current } as Draft;
}
