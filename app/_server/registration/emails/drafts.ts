import "server-only";
import { pick } from "@/app/_lib/i18n/localized";
import type { PracticalInfo } from "@/app/_lib/meetings/practical-info";
import {
  CALENDAR_CONTENT_TYPE,
  personalCalendar,
  type CalendarEvent,
  type ReleasedSession,
} from "../../calendar/ics";
import type { Attachment } from "../../mail/outbox";
import { manageUrl } from "../tokens";
import { emailViewOf, type EmailView, type RegistrationView } from "../view";
import { composeRegistrationEmail, registrationEmailSubject, type RegistrationEmailKind } from "./content";

/**
 * The version of the drafts this code writes. Any change to what a draft holds (its fields, EmailView,
 * ReleasedSession) makes a new version: DRAFT_VERSION goes up, versions.ts gets the step from the
 * previous one, and a fixture of the new shape joins those that drafts.test.ts composes for good.
 */
export const DRAFT_VERSION = 1;

/**
 * A registration email as data, as the outbox keeps it until it is sent or looked at: what it reports
 * and the registration as it stood in the transaction that queued it. Composing the bodies and the
 * calendar took more of a registration's time than anything else the server did for it, and nobody
 * reads them before the email leaves; from the same data they come out the same whenever they are made.
 *
 * A draft may wait for days (without SMTP, for good), across releases: each is composed by the code of
 * the day it leaves, which must read it. So drafts carry the version of their shape, and readDraft
 * (versions.ts) reads every version ever written.
 */
export type RegistrationEmailDraft = {
  /** The drafts of the first release have none: readDraft reads them as version 1. */
  version: typeof DRAFT_VERSION;
  kind: RegistrationEmailKind;
  /** The registration as the email shows it: no contact details, needs or consents. */
  view: EmailView;
  /** Sessions the delegate gave up in the change the email reports: the calendar cancels them. */
  released: ReleasedSession[];
  /** The session a "promoted" email is about. */
  sessionId?: string;
  /** The organizers' own words to the delegate. */
  message?: string;
};

/** The draft of an email about `view`, as stored (JSON); `released` as loadReleasedSessions gives them. */
export function draftOf(
  request: { kind: RegistrationEmailKind; sessionId?: string; message?: string | null },
  view: RegistrationView,
  released: ReleasedSession[],
): RegistrationEmailDraft {
  return {
    version: DRAFT_VERSION,
    kind: request.kind,
    view: emailViewOf(view),
    released,
    ...(request.sessionId && { sessionId: request.sessionId }),
    ...(request.message && { message: request.message }),
  };
}

/**
 * What the calendar of an email adds to the draft, read when the email is composed: the installation's UID
 * domain and the sessions open to everyone as they stand then (program.ts), empty once the registration
 * has ended.
 */
export type DraftProgram = { uidDomain: string; open: CalendarEvent[] };

/**
 * What a registration email reads as it is composed, not from its draft: the program as it stands, and
 * the meeting's practical information for the footer (whom to ask, where to go), so that a correction
 * the organizers make reaches the emails still waiting, and drafts queued before either existed get both.
 */
export type ComposeTimeFacts = { program: DraftProgram; practical: PracticalInfo | null };

/** Kinds that may carry the delegate's program as an .ics attachment (only when there are events). */
const withCalendar: readonly RegistrationEmailKind[] = [
  "received",
  "confirmed",
  "approved",
  "promoted",
  "changed",
  "cancelled",
  "rejected",
];

/**
 * Every email but a rejection carries the personal manage link: after a cancellation the delegate may
 * still want to see, download or delete their data. The token is minted only when the email is sent
 * (see deliverOutbox); the bodies hold a placeholder.
 */
export function carriesManageLink(kind: RegistrationEmailKind): boolean {
  return kind !== "rejected";
}

/** Kinds that tell a delegate they are in, and so carry the check-in code (only when confirmed). */
const withCheckInCode: readonly RegistrationEmailKind[] = ["confirmed", "approved"];
const CHECK_IN_IMAGE_CID = "check-in-code@meeting";

function sessionTitle(draft: RegistrationEmailDraft): string | undefined {
  const seat = draft.sessionId
    ? draft.view.sessions.find((candidate) => candidate.sessionId === draft.sessionId)
    : undefined;
  return seat && pick(seat.title, draft.view.language);
}

export function draftSubject(draft: RegistrationEmailDraft): string {
  return registrationEmailSubject({ kind: draft.kind, view: draft.view, sessionTitle: sessionTitle(draft) });
}

/** The check-in QR code, drawn by the caller: its PNG takes milliseconds of CPU (see composeStoredDraft). */
export type CheckInQrAttachment = Omit<Attachment, "content" | "encoding"> & {
  checkInQr: { meetingSlug: string; code: string };
};

/** Whether the email's calendar holds the sessions open to everyone: while the registration stands. */
export function carriesOpenProgram(draft: RegistrationEmailDraft): boolean {
  return (
    withCalendar.includes(draft.kind) &&
    (draft.view.status === "pending" || draft.view.status === "confirmed")
  );
}

/**
 * The email a draft says, in the delegate's language; `manageToken` goes into the manage link (the
 * outbox's placeholder). Its calendar is the delegate's whole program: seats, waiting places, sessions
 * given up in this change, and `program.open`.
 */
export function composeDraft(
  draft: RegistrationEmailDraft,
  manageToken: string,
  { program, practical }: ComposeTimeFacts,
): { subject: string; text: string; html: string; attachments: (Attachment | CheckInQrAttachment)[] } {
  const { kind, view, released } = draft;
  const locale = view.language;
  const events =
    view.sessions.filter((seat) => seat.sessionStatus !== "draft").length +
    released.length +
    program.open.length;
  const attachCalendar = withCalendar.includes(kind) && events > 0;
  const withCheckIn = withCheckInCode.includes(kind) && view.status === "confirmed";
  const content = composeRegistrationEmail({
    kind,
    view,
    manageUrl: carriesManageLink(kind) ? manageUrl(locale, manageToken) : null,
    sessionTitle: sessionTitle(draft),
    withCalendar: attachCalendar,
    calendarReleases: attachCalendar && released.length > 0,
    message: draft.message || undefined,
    checkIn: withCheckIn ? { code: view.checkInCode, imageCid: CHECK_IN_IMAGE_CID } : undefined,
    practical,
  });
  return {
    ...content,
    attachments: [
      ...(attachCalendar
        ? [
            {
              filename: `meeting-${view.meeting.slug}.ics`,
              // No method parameter: the object has no METHOD (see calendar/ics.ts), and RFC 6047 wants both alike.
              contentType: CALENDAR_CONTENT_TYPE,
              content: personalCalendar(view, locale, {
                released,
                uidDomain: program.uidDomain,
                open: program.open,
              }),
            },
          ]
        : []),
      ...(withCheckIn
        ? [
            {
              filename: "check-in.png",
              contentType: "image/png" as const,
              cid: CHECK_IN_IMAGE_CID,
              checkInQr: { meetingSlug: view.meeting.slug, code: view.checkInCode },
            },
          ]
        : []),
    ],
  };
}
