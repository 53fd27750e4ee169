import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { SLUG } from "@/app/_lib/ids";
import type { RegistrationInput } from "@/app/_lib/registration/fields";
import { registrationWindow, windowSelect, windowState } from "@/app/_lib/registration/window";
import type { Prisma } from "../db";
import { isDatabaseUnavailable, isTransactionTimeout, isUniqueViolation } from "../database/errors";
import { groupWriter } from "../database/group-commit";
import { insertRows, newRecordId } from "../database/insert-rows";
import { AppError, notFound } from "../errors";
import { queueRegistrationEmails } from "./emails/queue";
import {
  cityChoiceRefusal,
  loadDelegations,
  loadSessionChoices,
  refusalOfClosedSessions,
  sessionChoiceRefusal,
  type CityRow,
  type SessionChoiceRow,
} from "./choices";
import {
  idempotencyClaim,
  purgeExpiredKeys,
  storeAnswers,
  storedAnswers,
  type IdempotencyClaim,
} from "./idempotency";
import { SessionsClosedToSeats, takeSeats } from "./seats";
import { hashToken, newToken } from "../security/tokens";
import { manageUrl, newCheckInCode } from "./tokens";
import { registrationTransaction } from "./transaction";
import { registrationViewOf, viewMeetingSelect, type RegistrationRow } from "./view";
import { sealVisaDetails, travelDatesRefusal } from "./visa-data";

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
 *
 * Delegates who register while earlier registrations are being written are written together, one
 * transaction per meeting with a fixed number of statements (group commit, database/group-commit.ts).
 * Each delegate still gets the outcome of registering alone, in the order of arrival; if the
 * transaction of a group fails, each member is registered alone, so that one delegate's problem never
 * becomes another's.
 */
export async function register(
  meetingSlug: string,
  input: RegistrationInput,
  options: Options,
): Promise<RegistrationAnswer> {
  if (!SLUG.test(meetingSlug)) throw notFound("Meeting");
  // The id is made here because the visa details are encrypted for it before the transaction starts.
  const id = newRecordId();
  const visaData = input.visa ? await sealVisaDetails(input.visa, id) : null;
  return new Promise((resolve, reject) =>
    queueRegistration({
      meetingSlug,
      id,
      visaData,
      input,
      options,
      now: options.now ?? new Date(),
      resolve,
      reject,
    }),
  );
}

type Pending = {
  meetingSlug: string;
  /** The new registration's id. */
  id: string;
  /** The visa details, encrypted for that id; null without a letter. */
  visaData: string | null;
  input: RegistrationInput;
  options: Options;
  now: Date;
  resolve: (answer: RegistrationAnswer) => void;
  reject: (error: unknown) => void;
};

const queueRegistration = groupWriter<Pending>(
  async (group) => {
    for (const meetingSlug of new Set(group.map((pending) => pending.meetingSlug))) {
      await writeGroup(
        meetingSlug,
        group.filter((pending) => pending.meetingSlug === meetingSlug),
      );
    }
  },
  {
    limit: 100,
    // A request repeating an idempotency key of the group waits for the next one, where it finds the
    // first request's answer.
    joins: (group, pending) =>
      pending.options.idempotencyKey === undefined ||
      !group.some((member) => member.options.idempotencyKey === pending.options.idempotencyKey),
  },
);

/**
 * Writes a group and settles each member's promise; never throws. `again`: a lone registration whose
 * idempotency key came in another transaction (another instance) too, which committed first: the
 * unique index made this one fail, and a second run finds the first one's answer. A session cancelled
 * or unpublished after the group read it fails the group (seats.ts); written alone, the others go
 * ahead, and a lone delegate who chose it gets the refusal the check before would have given.
 */
async function writeGroup(meetingSlug: string, group: Pending[], again = false): Promise<void> {
  try {
    const outcomes = await registrationTransaction((tx) => registerGroup(tx, meetingSlug, group));
    group.forEach((pending, index) => {
      const outcome = outcomes[index]!;
      if (outcome instanceof AppError) pending.reject(outcome);
      else pending.resolve(outcome);
    });
  } catch (error) {
    const [alone] = group;
    if (isDatabaseUnavailable(error) || isTransactionTimeout(error)) {
      // Each alone would only meet the same refusal (503), or wait as long again.
      for (const pending of group) pending.reject(error);
    } else if (group.length > 1) {
      for (const pending of group) await writeGroup(meetingSlug, [pending]);
    } else if (!again && alone!.options.idempotencyKey && isUniqueViolation(error)) {
      await writeGroup(meetingSlug, group, true);
    } else if (error instanceof SessionsClosedToSeats) {
      alone!.reject(refusalOfClosedSessions(alone!.input.sessionIds, error.sessionIds));
    } else {
      alone!.reject(isUniqueViolation(error, "activeEmail") ? alreadyRegistered() : error);
    }
  }
}

const alreadyRegistered = () =>
  new AppError("already_registered", "This email address is already registered for the meeting", {
    fields: { email: { key: "alreadyRegistered" } },
  });

type Tx = Prisma.TransactionClient;

/** One transaction for the group: its answers, or the refusal of each, in the group's order. */
async function registerGroup(
  tx: Tx,
  meetingSlug: string,
  group: Pending[],
): Promise<(RegistrationAnswer | AppError)[]> {
  const outcomes: (RegistrationAnswer | AppError | null)[] = group.map(() => null);
  const meeting = await tx.meeting.findFirst({
    where: { slug: meetingSlug, published: true },
    select: { ...viewMeetingSelect, ...windowSelect },
  });
  if (!meeting) return group.map(() => notFound("Meeting"));
  const window = registrationWindow(meeting);
  group.forEach((pending, index) => {
    if (windowState(window, pending.now) !== "open")
      outcomes[index] = new AppError("registration_closed", "Registration is not open");
  });

  const claims = group.map(({ options, input }) =>
    options.idempotencyKey
      ? idempotencyClaim(`registration:${meeting.id}`, options.idempotencyKey, input)
      : null,
  );
  const keyed = claims.filter(
    (claim, index): claim is IdempotencyClaim => claim !== null && outcomes[index] === null,
  );
  if (keyed.length > 0) {
    await purgeExpiredKeys(tx, group[0]!.now);
    const earlier = await storedAnswers<RegistrationAnswer>(tx, keyed);
    claims.forEach((claim, index) => {
      if (claim && outcomes[index] === null) outcomes[index] = earlier.get(claim.id) ?? null;
    });
  }

  const open = () =>
    group.flatMap((pending, index) => (outcomes[index] === null ? [{ pending, index }] : []));
  if (open().length === 0) return outcomes.map((outcome) => outcome!);
  const sessions = await loadSessionChoices(
    tx,
    meeting.id,
    open().flatMap(({ pending }) => pending.input.sessionIds),
  );
  const { cities, delegations } = await loadDelegations(
    tx,
    meeting.id,
    open().flatMap(({ pending }) => pending.input.cityId ?? []),
  );
  const emails = new Set(
    (
      await tx.registration.findMany({
        where: {
          meetingId: meeting.id,
          activeEmail: { in: open().map(({ pending }) => pending.input.email) },
        },
        select: { activeEmail: true },
      })
    ).map((row) => row.activeEmail),
  );
  for (const { pending, index } of open()) {
    const { input, options } = pending;
    const delegation = input.cityId ? delegations.get(input.cityId)! : null;
    const refusal =
      sessionChoiceRefusal(sessions, input.sessionIds, options.locale) ??
      (input.cityId
        ? cityChoiceRefusal(cities.get(input.cityId) ?? null, delegation!, options.locale)
        : null) ??
      (emails.has(input.email) ? alreadyRegistered() : null) ??
      (input.visa ? travelDatesRefusal(input.visa, meeting, options.locale) : null);
    if (refusal) {
      outcomes[index] = refusal;
      continue;
    }
    emails.add(input.email);
    if (delegation) delegation.registered += 1;
  }

  const accepted = open();
  if (accepted.length > 0) {
    const written = await writeRegistrations(
      tx,
      { meeting, sessions, cities },
      accepted.map(({ pending }) => pending),
    );
    const answered: { claim: IdempotencyClaim; registrationId: string; answer: RegistrationAnswer }[] = [];
    accepted.forEach(({ index }, position) => {
      outcomes[index] = written[position]!;
      const claim = claims[index];
      if (claim) answered.push({ claim, registrationId: written[position]!.id, answer: written[position]! });
    });
    await storeAnswers(tx, answered, new Date());
  }
  return outcomes.map((outcome) => outcome!);
}

/** What the group read of the meeting, its chosen sessions and the delegates' cities. */
type Read = {
  meeting: RegistrationRow["meeting"];
  sessions: ReadonlyMap<string, SessionChoiceRow>;
  cities: ReadonlyMap<string, CityRow>;
};

/**
 * Writes the accepted registrations with their seats, manage links and emails; their answers in order.
 * The emails' views are made from what the group has read and written, as loadRegistrationView would
 * read them back: the same row shapes go through the same registrationViewOf.
 */
async function writeRegistrations(
  tx: Tx,
  { meeting, sessions, cities }: Read,
  accepted: Pending[],
): Promise<RegistrationAnswer[]> {
  const status = meeting.requiresApproval ? "pending" : "confirmed";
  const writtenAt = new Date();
  const registrations = accepted.map(({ input, now, id, visaData }) => {
    const { sessionIds: _sessions, privacyConsent: _consented, visa: _visa, ...details } = input;
    return {
      ...details,
      id,
      visaData,
      visaRequestedAt: details.visaLetter ? now : null,
      meetingId: meeting.id,
      status,
      activeEmail: details.email,
      privacyConsentAt: now,
      checkInCode: newCheckInCode(),
      createdAt: writtenAt,
      updatedAt: writtenAt,
    } satisfies Prisma.RegistrationCreateManyInput;
  });
  await insertRows(tx, "Registration", registrations);

  // Sessions in id order within each delegate, as every change of seats takes them.
  const seats = await takeSeats(
    tx,
    accepted.flatMap(({ input }, position) =>
      [...input.sessionIds]
        .sort()
        .map((sessionId) => ({ registrationId: registrations[position]!.id, sessionId })),
    ),
  );
  const seatOf = new Map(seats.map((seat) => [`${seat.sessionId}/${seat.registrationId}`, seat]));
  const places = new Map(
    seats.flatMap((seat) =>
      seat.place === null ? [] : [[`${seat.sessionId}/${seat.registrationId}`, seat.place] as const],
    ),
  );
  const views = registrations.map((registration, position) => {
    // The visa details and the letter's course never go into a view: views become email drafts.
    const {
      meetingId: _meeting,
      activeEmail: _active,
      cityId: _city,
      visaData: _visaData,
      visaRequestedAt: _requested,
      ...fields
    } = registration;
    const row: RegistrationRow = {
      ...fields,
      meeting,
      city: registration.cityId ? cities.get(registration.cityId)! : null,
      seats: accepted[position]!.input.sessionIds.map((sessionId) => ({
        ...seatOf.get(`${sessionId}/${registration.id}`)!,
        session: sessions.get(sessionId)!,
      })).sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime()),
    };
    return registrationViewOf(row, places);
  });
  await queueRegistrationEmails(
    tx,
    views.map((view) => ({
      request: { kind: status === "pending" ? "received" : "confirmed", registrationId: view.id },
      view,
    })),
  );
  // These links are for the answers only (the confirmation page); each email gets its own at delivery.
  const tokens = registrations.map(() => newToken());
  await insertRows(
    tx,
    "AccessToken",
    tokens.map((token, position) => ({
      hash: hashToken(token),
      registrationId: registrations[position]!.id,
      purpose: "manage",
      createdAt: writtenAt,
    })),
  );

  return accepted.map(({ input }, position) => {
    const id = registrations[position]!.id;
    return {
      id,
      status,
      // In the order the delegate chose them; a waitlisted seat with its place in line.
      sessions: input.sessionIds.map((sessionId) => {
        const seat = seatOf.get(`${sessionId}/${id}`)!;
        return seat.status === "confirmed"
          ? { sessionId, status: seat.status }
          : { sessionId, status: seat.status, position: seat.place };
      }),
      manageUrl: manageUrl(input.language, tokens[position]!),
    };
  });
}
