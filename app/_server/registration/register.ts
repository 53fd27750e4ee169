import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { SLUG } from "@/app/_lib/ids";
import type { RegistrationInput } from "@/app/_lib/registration/fields";
import { windowState } from "@/app/_lib/registration/window";
import { db, type Prisma } from "../db";
import { isUniqueViolation } from "../database/errors";
import { AppError, notFound } from "../errors";
import { queueRegistrationEmail } from "../mail/registration-emails";
import { checkCity, checkSessions } from "./choices";
import { claimKey, idempotencyClaim, purgeExpiredKeys, storeAnswer, storedAnswer } from "./idempotency";
import { takeSeat, waitlistPlace, type SeatOutcome } from "./seats";
import { issueAccessToken, manageUrl, newCheckInCode } from "./tokens";
import { registrationTransaction } from "./transaction";

/** What the API answers (201), and what a retry with the same idempotency key gets again. */
export type RegistrationAnswer = {
  id: string;
  status: "pending" | "confirmed";
  sessions: { sessionId: string; status: "confirmed" | "waitlisted"; position?: number }[];
  manageUrl: string;
};

/** The token at the end of the manage URL: a replayed answer is all there is to find it again. */
export function manageTokenOf(answer: RegistrationAnswer): string {
  return answer.manageUrl.slice(answer.manageUrl.lastIndexOf("/") + 1);
}

type Options = {
  /** Language of the visitor, for the texts in field errors. */
  locale: AppLocale;
  /** `Idempotency-Key` header or the form's one-time token. */
  idempotencyKey?: string;
  now?: Date;
};

/**
 * Registers a delegate: checks the city's quota, takes a seat or a waiting-list place in each chosen
 * session, issues the manage link and queues the confirmation, all in one transaction; the email leaves
 * after commit. With an idempotency key, a repeated request gets the first answer again.
 */
export async function register(meetingSlug: string, input: RegistrationInput, options: Options): Promise<RegistrationAnswer> {
  const { locale, now = new Date() } = options;
  const meeting = SLUG.test(meetingSlug)
    ? await db.meeting.findFirst({
        where: { slug: meetingSlug, published: true },
        select: { id: true, requiresApproval: true, registrationOpensAt: true, registrationClosesAt: true },
      })
    : null;
  if (!meeting) throw notFound("Meeting");
  const window = { opensAt: meeting.registrationOpensAt?.toISOString() ?? null, closesAt: meeting.registrationClosesAt?.toISOString() ?? null };
  if (windowState(window, now) !== "open") throw new AppError("registration_closed", "Registration is not open");

  const claim = options.idempotencyKey ? idempotencyClaim(`registration:${meeting.id}`, options.idempotencyKey, input) : null;
  if (claim) {
    await purgeExpiredKeys(now);
    const earlier = await storedAnswer<RegistrationAnswer>(db, claim);
    if (earlier) return earlier;
  }

  try {
    return await registrationTransaction(async (tx) => {
      if (claim) await claimKey(tx, claim);
      await checkSessions(tx, meeting.id, input.sessionIds, locale);
      await checkCity(tx, meeting.id, input.cityId, locale);
      const { sessionIds, privacyConsent: _consented, ...details } = input;
      const registration = await tx.registration.create({
        data: {
          ...details,
          meetingId: meeting.id,
          status: meeting.requiresApproval ? "pending" : "confirmed",
          activeEmail: details.email,
          privacyConsentAt: now,
          checkInCode: newCheckInCode(),
        },
        select: { id: true, status: true },
      });
      const seats: SeatOutcome[] = [];
      for (const sessionId of [...sessionIds].sort()) seats.push(await takeSeat(tx, registration.id, sessionId));
      await queueRegistrationEmail(tx, { kind: registration.status === "pending" ? "received" : "confirmed", registrationId: registration.id });
      // This link is for the answer only (the confirmation page); the email gets its own at delivery.
      const token = await issueAccessToken(tx, registration.id, "manage");
      const answer: RegistrationAnswer = {
        id: registration.id,
        status: registration.status === "pending" ? "pending" : "confirmed",
        sessions: await answerSeats(tx, sessionIds, seats),
        manageUrl: manageUrl(details.language, token),
      };
      if (claim) await storeAnswer(tx, claim, registration.id, answer);
      return answer;
    });
  } catch (error) {
    if (claim && isUniqueViolation(error, "IdempotencyKey")) {
      // A concurrent request with the same key committed first: answer as it did.
      const earlier = await storedAnswer<RegistrationAnswer>(db, claim);
      if (earlier) return earlier;
    }
    if (isUniqueViolation(error, "activeEmail")) {
      throw new AppError("already_registered", "This email address is already registered for the meeting", {
        fields: { email: { key: "alreadyRegistered" } },
      });
    }
    throw error;
  }
}

/** Seats in the order the delegate chose them; a waitlisted seat with its place in line. */
async function answerSeats(tx: Prisma.TransactionClient, sessionIds: string[], seats: SeatOutcome[]): Promise<RegistrationAnswer["sessions"]> {
  const answer: RegistrationAnswer["sessions"] = [];
  // One query after another: a transaction is one connection.
  for (const sessionId of sessionIds) {
    const seat = seats.find((outcome) => outcome.sessionId === sessionId)!;
    answer.push(
      seat.status === "confirmed"
        ? { sessionId, status: seat.status }
        : { sessionId, status: seat.status, position: await waitlistPlace(tx, sessionId, seat.waitlistNumber!) },
    );
  }
  return answer;
}
