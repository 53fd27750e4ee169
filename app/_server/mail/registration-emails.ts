import "server-only";
import { pick } from "@/app/_lib/i18n/localized";
import type { Prisma } from "../db";
import { CALENDAR_CONTENT_TYPE, personalCalendar, type ReleasedSession } from "../calendar/ics";
import { notFound } from "../errors";
import { manageUrl } from "../registration/tokens";
import { loadRegistrationView, loadRegistrationViews, sessionBasics, sessionBasicsSelect, type RegistrationView } from "../registration/view";
import { MANAGE_TOKEN_PLACEHOLDER, queueEmail, queueEmails, type NewEmail } from "./outbox";
import { composeRegistrationEmail, type RegistrationEmailKind } from "./registration-content";

export { registrationEmailKinds, type RegistrationEmailKind } from "./registration-content";

export type RegistrationEmailRequest = {
  kind: RegistrationEmailKind;
  registrationId: string;
  /** The session a "promoted" email is about. */
  sessionId?: string;
  /**
   * Sessions the delegate gave up (seat or waiting-list place) in the operation the email reports
   * ("changed", "cancelled", and "rejected" when the rejection freed seats): the attached calendar
   * cancels them.
   */
  releasedSessionIds?: string[];
  /** The organizers' own words to the delegate (with an approval or a rejection), as typed. */
  message?: string | null;
};

/** Kinds that may carry the delegate's sessions as an .ics attachment (only when there are events). */
const withCalendar: readonly RegistrationEmailKind[] = ["received", "confirmed", "approved", "promoted", "changed", "cancelled", "rejected"];

/**
 * Every email but a rejection carries the personal manage link: after a cancellation the delegate may
 * still want to see, download or delete their data. The token is minted only when the email is sent
 * (see deliverOutbox); the outbox holds a placeholder.
 */
const withoutManageLink: readonly RegistrationEmailKind[] = ["rejected"];

/** Kinds that tell a delegate they are in, and so carry the check-in code (only when confirmed). */
const withCheckInCode: readonly RegistrationEmailKind[] = ["confirmed", "approved"];
const CHECK_IN_IMAGE_CID = "check-in-code@meeting";

/**
 * Queues the email about a registration in the caller's transaction, in the delegate's language, as the
 * registration stands in that transaction. The caller calls deliverSoon() after the commit.
 */
export async function queueRegistrationEmail(tx: Prisma.TransactionClient, request: RegistrationEmailRequest): Promise<{ id: string }> {
  const view = await loadRegistrationView(tx, request.registrationId);
  if (!view) throw notFound("Registration");
  return queueEmail(tx, await registrationEmail(tx, view, request));
}

/** queueRegistrationEmail for many registrations, with a fixed number of queries (new registrations). */
export async function queueRegistrationEmails(tx: Prisma.TransactionClient, requests: RegistrationEmailRequest[]): Promise<void> {
  const views = await loadRegistrationViews(
    tx,
    requests.map((request) => request.registrationId),
  );
  const emails: NewEmail[] = [];
  for (const request of requests) {
    const view = views.get(request.registrationId);
    if (!view) throw notFound("Registration");
    emails.push(await registrationEmail(tx, view, request));
  }
  await queueEmails(tx, emails);
}

async function registrationEmail(tx: Prisma.TransactionClient, view: RegistrationView, request: RegistrationEmailRequest): Promise<NewEmail> {
  const locale = view.language;
  const promotedSeat = request.sessionId ? view.sessions.find((seat) => seat.sessionId === request.sessionId) : undefined;
  if (request.kind === "promoted" && !promotedSeat) throw notFound("Seat of the promoted registration");

  const held = new Set(view.sessions.map((seat) => seat.sessionId));
  const released = await loadReleasedSessions(tx, (request.releasedSessionIds ?? []).filter((id) => !held.has(id)));
  const events = view.sessions.filter((seat) => seat.sessionStatus !== "draft").length + released.length;
  const attachCalendar = withCalendar.includes(request.kind) && events > 0;
  const withManageLink = !withoutManageLink.includes(request.kind);
  const withCheckIn = withCheckInCode.includes(request.kind) && view.status === "confirmed";
  const content = composeRegistrationEmail({
    kind: request.kind,
    view,
    manageUrl: withManageLink ? manageUrl(locale, MANAGE_TOKEN_PLACEHOLDER) : null,
    sessionTitle: promotedSeat ? pick(promotedSeat.title, locale) : undefined,
    withCalendar: attachCalendar,
    calendarReleases: attachCalendar && released.length > 0,
    message: request.message || undefined,
    checkIn: withCheckIn ? { code: view.checkInCode, imageCid: CHECK_IN_IMAGE_CID } : undefined,
  });
  return {
    registrationId: view.id,
    kind: `registration.${request.kind}`,
    to: view.email,
    ...content,
    attachments: [
      ...(attachCalendar
        ? [
            {
              filename: `meeting-${view.meeting.slug}.ics`,
              contentType: `${CALENDAR_CONTENT_TYPE}; method=PUBLISH`,
              content: personalCalendar(view, locale, { released }),
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
    withManageLink,
  };
}

/**
 * The given-up sessions as they stand in this transaction. Drafts are left out (no calendar ever got
 * them), and so are sessions that no longer exist (nothing is left to describe them).
 */
async function loadReleasedSessions(tx: Prisma.TransactionClient, sessionIds: string[]): Promise<ReleasedSession[]> {
  if (sessionIds.length === 0) return [];
  const rows = await tx.session.findMany({
    where: { id: { in: [...new Set(sessionIds)] }, status: { not: "draft" } },
    select: sessionBasicsSelect,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ sessionId: row.id, ...sessionBasics(row) }));
}
