import "server-only";
import type { Translations } from "@/app/_lib/i18n/localized";
import { emailViewOf, type EmailView, type RegistrationView } from "../../view";
import { readVersionedDraft, type StoredDraft } from "../../../mail/draft-versions";

/**
 * A change notice as the outbox keeps it until it leaves (README "Change notices"): what the session was
 * when the delegate last heard of it, what it is now, and the registration as the email shows it. Like
 * the other registration emails' drafts (../drafts.ts), it may wait across releases, so it carries the
 * version of its shape: any change to what it holds makes a new version, with its step in `upgrades`
 * and a fixture (fixtures/session-notice-v<version>.json) that draft.test.ts composes for good.
 */
export const NOTICE_DRAFT_VERSION = 1;

/** A session's time, room and status, as a notice reports them. */
export type NoticeSessionState = {
  startsAt: string;
  endsAt: string;
  roomId: string | null;
  room: Translations | null;
  status: "draft" | "published" | "cancelled";
};

export type SessionNoticeDraft = {
  version: typeof NOTICE_DRAFT_VERSION;
  sessionId: string;
  /** Before the first of the changes the email reports: what the delegate last heard. */
  before: NoticeSessionState;
  /** After the latest of them. */
  after: NoticeSessionState;
  /** The registration as the email shows it; of its sessions only this one (a seat or a waiting place). */
  view: EmailView;
};

/** The step from each earlier version to the next (none yet: version 1 is the only shape so far). */
const upgrades: Record<number, (draft: StoredDraft) => StoredDraft> = {};

/** A stored notice draft of any version, as the current shape; throws on one of a later version. */
export function readNoticeDraft(stored: unknown): SessionNoticeDraft {
  return readVersionedDraft(stored, {
    name: "Session notice draft",
    current: NOTICE_DRAFT_VERSION,
    upgrades,
  });
}

/** The draft of the notice to `registration`: only what an email shows of it (emailViewOf), this seat alone. */
export function noticeDraftOf(
  sessionId: string,
  before: NoticeSessionState,
  after: NoticeSessionState,
  registration: RegistrationView,
): SessionNoticeDraft {
  const view = emailViewOf(registration);
  return {
    version: NOTICE_DRAFT_VERSION,
    sessionId,
    before,
    after,
    view: { ...view, sessions: view.sessions.filter((seat) => seat.sessionId === sessionId) },
  };
}
