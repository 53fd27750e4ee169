import "server-only";
import { pick } from "@/app/_lib/i18n/localized";
import type { Prisma } from "../db";
import { env } from "../env";
import { CALENDAR_CONTENT_TYPE, personalCalendar } from "../calendar/ics";
import { notFound } from "../errors";
import { loadRegistrationView } from "../registration/view";
import { queueEmail, SECRET_PLACEHOLDER } from "./outbox";
import { composeRegistrationEmail, type RegistrationEmailKind } from "./registration-content";

export { registrationEmailKinds, type RegistrationEmailKind } from "./registration-content";

export type RegistrationEmailRequest = {
  kind: RegistrationEmailKind;
  registrationId: string;
  /** The raw manage token the email's link carries; stored only until the email has been sent. */
  manageToken: string | null;
  /** The session a "promoted" email is about. */
  sessionId?: string;
};

/** Kinds that carry the delegate's sessions as an .ics attachment. */
const withCalendar: readonly RegistrationEmailKind[] = ["received", "confirmed", "approved", "promoted", "changed"];

/**
 * Queues the email about a registration in the caller's transaction, in the delegate's language, as the
 * registration stands in that transaction. The caller calls deliverSoon() after the commit.
 */
export async function queueRegistrationEmail(tx: Prisma.TransactionClient, request: RegistrationEmailRequest): Promise<{ id: string }> {
  const view = await loadRegistrationView(tx, request.registrationId);
  if (!view) throw notFound("Registration");
  const locale = view.language;
  const promotedSeat = request.sessionId ? view.sessions.find((seat) => seat.sessionId === request.sessionId) : undefined;
  if (request.kind === "promoted" && !promotedSeat) throw notFound("Seat of the promoted registration");
  if (request.kind === "link" && !request.manageToken) throw new Error("A link email needs the manage token");

  const calendarEvents = view.sessions.filter((seat) => seat.sessionStatus !== "draft");
  const attachCalendar = withCalendar.includes(request.kind) && calendarEvents.length > 0;
  const content = composeRegistrationEmail({
    kind: request.kind,
    view,
    manageUrl: request.manageToken ? `${env().PUBLIC_URL}/${locale}/manage/${SECRET_PLACEHOLDER}` : null,
    sessionTitle: promotedSeat ? pick(promotedSeat.title, locale) : undefined,
    withCalendar: attachCalendar,
  });
  return queueEmail(tx, {
    registrationId: view.id,
    kind: `registration.${request.kind}`,
    to: view.email,
    ...content,
    attachments: attachCalendar
      ? [
          {
            filename: `meeting-${view.meeting.slug}.ics`,
            contentType: `${CALENDAR_CONTENT_TYPE}; method=PUBLISH`,
            content: personalCalendar(view, locale),
          },
        ]
      : [],
    secret: request.manageToken ?? undefined,
  });
}
