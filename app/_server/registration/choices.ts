import "server-only";
import { pick } from "@/app/_lib/i18n/localized";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { firstOverlap } from "@/app/_lib/overlap";
import type { FieldErrors } from "@/app/_lib/registration/fields";
import { invalid } from "../errors";
import type { Prisma } from "../db";

/**
 * Checks of what a delegate chose against the meeting's data: sessions that can be booked and do not
 * clash, a member city that exists and still has room in its delegation.
 */

type Tx = Prisma.TransactionClient;

/**
 * Refuses unknown, unbookable and overlapping sessions, naming the field of each. Sessions the delegate
 * already holds stay acceptable even if they no longer take registrations.
 */
export async function checkSessions(
  tx: Tx,
  meetingId: string,
  sessionIds: string[],
  locale: AppLocale,
  alreadyHeld: ReadonlySet<string> = new Set(),
): Promise<void> {
  if (sessionIds.length === 0) return;
  const sessions = await tx.session.findMany({
    where: { meetingId, id: { in: sessionIds } },
    select: { id: true, status: true, capacity: true, startsAt: true, endsAt: true, titleDe: true, titleEn: true, titleZh: true },
  });
  const acceptable = new Map(
    sessions
      .filter((session) => alreadyHeld.has(session.id) || (session.status === "published" && session.capacity !== null))
      .map((session) => [session.id, session]),
  );
  const errors: FieldErrors = {};
  sessionIds.forEach((id, index) => {
    if (!acceptable.has(id)) errors[`sessionIds.${index}`] = { key: "unknownSession" };
  });
  if (Object.keys(errors).length > 0) throw invalid(errors);

  // In time order, and in the delegate's order at equal times, so the message names them as chosen.
  const taking = sessionIds.map((id) => acceptable.get(id)!).filter((session) => session.status !== "cancelled");
  const clash = firstOverlap(taking.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()));
  if (clash) {
    const [first, second] = clash.map((session) => pick({ de: session.titleDe, en: session.titleEn, zh: session.titleZh }, locale));
    throw invalid({ sessionIds: { key: "sessionsOverlap", values: { first: first!, second: second! } } });
  }
}

/**
 * Refuses an unknown city and a city whose delegation is complete. The quota row is locked, so two
 * delegates of one city registering at once cannot both take its last place.
 */
export async function checkCity(tx: Tx, meetingId: string, cityId: string | null, locale: AppLocale, exceptRegistrationId?: string) {
  if (!cityId) return;
  const city = await tx.city.findUnique({ where: { id: cityId }, select: { nameDe: true, nameEn: true, nameZh: true } });
  if (!city) throw invalid({ cityId: { key: "unknownCity" } });
  const [quota] = await tx.$queryRaw<{ delegates: number }[]>`
    SELECT "delegates" FROM "CityQuota" WHERE "meetingId" = ${meetingId} AND "cityId" = ${cityId} FOR UPDATE`;
  if (!quota) return;
  const taken = await tx.registration.count({
    where: { meetingId, cityId, status: { in: ["pending", "confirmed"] }, id: exceptRegistrationId ? { not: exceptRegistrationId } : undefined },
  });
  if (taken >= quota.delegates) {
    const name = pick({ de: city.nameDe, en: city.nameEn, zh: city.nameZh }, locale);
    throw invalid({ cityId: { key: "cityQuotaFull", values: { city: name, quota: quota.delegates } } });
  }
}
