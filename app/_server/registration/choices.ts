import "server-only";
import { pick } from "@/app/_lib/i18n/localized";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { firstOverlap } from "@/app/_lib/overlap";
import { takesSeats } from "@/app/_lib/registration/bookable";
import type { FieldErrors } from "@/app/_lib/registration/fields";
import { AppError, invalid } from "../errors";
import type { Prisma } from "../db";
import { viewCitySelect, viewSessionSelect } from "./view";

/**
 * Checks of what a delegate chose against the meeting's data: sessions that can be booked and do not
 * clash, a member city that exists and still has room in its delegation. The judgements are pure
 * functions of rows read once, so that registration can read the rows of many delegates at a time
 * (register.ts); checkSessions and checkCity read them for one.
 */

type Tx = Prisma.TransactionClient;

/** What the checks need of a session, and what a new registration's view shows of it. */
export const sessionChoiceSelect = {
  ...viewSessionSelect,
  capacity: true,
} as const satisfies Prisma.SessionSelect;

export type SessionChoiceRow = Prisma.SessionGetPayload<{ select: typeof sessionChoiceSelect }>;

/** The refusal of the chosen sessions that cannot be booked, each named by its place among `sessionIds`. */
function unbookableRefusal(sessionIds: string[], unbookable: (id: string) => boolean): AppError | null {
  const errors: FieldErrors = {};
  sessionIds.forEach((id, index) => {
    if (unbookable(id)) errors[`sessionIds.${index}`] = { key: "unknownSession" };
  });
  return Object.keys(errors).length > 0 ? invalid(errors) : null;
}

/**
 * A delegate's refusal for sessions that closed to seats while their choice was being written (seats.ts
 * found them so on their locked rows): the one the check before the lock gives.
 */
export function refusalOfClosedSessions(sessionIds: string[], closed: string[]): AppError {
  return (
    unbookableRefusal(sessionIds, (id) => closed.includes(id)) ??
    invalid({ sessionIds: { key: "unknownSession" } })
  );
}

/**
 * Refuses unknown, unbookable and overlapping sessions, naming the field of each. Sessions the delegate
 * already holds stay acceptable even if they no longer take registrations. `sessions`: the meeting's
 * rows among (at least) the chosen ones.
 */
export function sessionChoiceRefusal(
  sessions: ReadonlyMap<string, SessionChoiceRow>,
  sessionIds: string[],
  locale: AppLocale,
  alreadyHeld: ReadonlySet<string> = new Set(),
): AppError | null {
  const acceptable = (id: string) => {
    const session = sessions.get(id);
    return session && (alreadyHeld.has(id) || takesSeats(session)) ? session : null;
  };
  const unbookable = unbookableRefusal(sessionIds, (id) => !acceptable(id));
  if (unbookable) return unbookable;

  // In time order, and in the delegate's order at equal times, so the message names them as chosen.
  const taking = sessionIds.map((id) => acceptable(id)!).filter((session) => session.status !== "cancelled");
  const clash = firstOverlap(taking.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()));
  if (!clash) return null;
  const [first, second] = clash.map((session) =>
    pick({ de: session.titleDe, en: session.titleEn, zh: session.titleZh }, locale),
  );
  return invalid({ sessionIds: { key: "sessionsOverlap", values: { first: first!, second: second! } } });
}

/** The meeting's sessions among `sessionIds`, by id. */
export async function loadSessionChoices(
  tx: Tx,
  meetingId: string,
  sessionIds: string[],
): Promise<Map<string, SessionChoiceRow>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await tx.session.findMany({
    where: { meetingId, id: { in: [...new Set(sessionIds)] } },
    select: sessionChoiceSelect,
  });
  return new Map(rows.map((row) => [row.id, row]));
}

export async function checkSessions(
  tx: Tx,
  meetingId: string,
  sessionIds: string[],
  locale: AppLocale,
  alreadyHeld: ReadonlySet<string> = new Set(),
): Promise<void> {
  const refusal = sessionChoiceRefusal(
    await loadSessionChoices(tx, meetingId, sessionIds),
    sessionIds,
    locale,
    alreadyHeld,
  );
  if (refusal) throw refusal;
}

export type CityRow = Prisma.CityGetPayload<{ select: typeof viewCitySelect }>;

/** A city's delegation as it stands: its quota (null: no limit) and its pending and confirmed delegates. */
export type Delegation = { quota: number | null; registered: number };

/** Refuses an unknown city (`city` null) and a city whose delegation is complete. */
export function cityChoiceRefusal(
  city: CityRow | null,
  delegation: Delegation,
  locale: AppLocale,
): AppError | null {
  if (!city) return invalid({ cityId: { key: "unknownCity" } });
  if (delegation.quota === null || delegation.registered < delegation.quota) return null;
  const name = pick({ de: city.nameDe, en: city.nameEn, zh: city.nameZh }, locale);
  return invalid({ cityId: { key: "cityQuotaFull", values: { city: name, quota: delegation.quota } } });
}

/**
 * The cities by id and their delegations to the meeting. The quota rows are locked (in id order), so
 * that two transactions registering delegates of one city cannot both take its last place; `except`
 * leaves a registration out of the count (the one being edited).
 */
export async function loadDelegations(
  tx: Tx,
  meetingId: string,
  cityIds: string[],
  except?: string,
): Promise<{ cities: Map<string, CityRow>; delegations: Map<string, Delegation> }> {
  const ids = [...new Set(cityIds)].sort();
  if (ids.length === 0) return { cities: new Map(), delegations: new Map() };
  const cities = new Map(
    (await tx.city.findMany({ where: { id: { in: ids } }, select: viewCitySelect })).map((city) => [
      city.id,
      city,
    ]),
  );
  const quotas = await tx.$queryRaw<{ cityId: string; delegates: number }[]>`
    SELECT "cityId", "delegates" FROM "CityQuota" WHERE "meetingId" = ${meetingId} AND "cityId" = ANY(${ids}::text[])
    ORDER BY "cityId" FOR UPDATE`;
  const limited = quotas.map((quota) => quota.cityId);
  const counts =
    limited.length === 0
      ? []
      : await tx.registration.groupBy({
          by: ["cityId"],
          where: {
            meetingId,
            cityId: { in: limited },
            status: { in: ["pending", "confirmed"] },
            id: except ? { not: except } : undefined,
          },
          _count: { _all: true },
        });
  const registered = new Map(counts.map((count) => [count.cityId, count._count._all]));
  const delegations = new Map<string, Delegation>(ids.map((id) => [id, { quota: null, registered: 0 }]));
  for (const { cityId, delegates } of quotas)
    delegations.set(cityId, { quota: delegates, registered: registered.get(cityId) ?? 0 });
  return { cities, delegations };
}

export async function checkCity(
  tx: Tx,
  meetingId: string,
  cityId: string | null,
  locale: AppLocale,
  exceptRegistrationId?: string,
) {
  if (!cityId) return;
  const { cities, delegations } = await loadDelegations(tx, meetingId, [cityId], exceptRegistrationId);
  const refusal = cityChoiceRefusal(cities.get(cityId) ?? null, delegations.get(cityId)!, locale);
  if (refusal) throw refusal;
}
