import "server-only";
import { translatedFields, translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import { authorize, type Actor } from "../authz";
import { db } from "../db";

/** Registrations that hold a place: the ones a quota counts. */
export const ACTIVE_REGISTRATION = ["pending", "confirmed"] as const;

export type CityQuotaRow = {
  cityId: string;
  name: Translations;
  country: "DE" | "CN";
  /** null: no limit. */
  quota: number | null;
  /** Pending and confirmed registrations from the city. */
  registered: number;
};

/** Every member city with its quota for the meeting and the delegates it has registered so far. */
export async function listCityQuotas(actor: Actor | null, meetingId: string): Promise<CityQuotaRow[]> {
  authorize(actor, "editProgram");
  const [cities, quotas, registered] = await Promise.all([
    db.city.findMany({
      select: { id: true, country: true, ...translatedFields("name") },
      orderBy: [{ country: "asc" }, { nameDe: "asc" }],
    }),
    db.cityQuota.findMany({ where: { meetingId }, select: { cityId: true, delegates: true } }),
    db.registration.groupBy({
      by: ["cityId"],
      where: { meetingId, status: { in: [...ACTIVE_REGISTRATION] } },
      _count: true,
    }),
  ]);
  const quotaOf = new Map(quotas.map((quota) => [quota.cityId, quota.delegates]));
  const registeredOf = new Map(registered.map((group) => [group.cityId, group._count]));
  return cities.map((city) => ({
    cityId: city.id,
    name: translationsOf(city, "name"),
    country: city.country,
    quota: quotaOf.get(city.id) ?? null,
    registered: registeredOf.get(city.id) ?? 0,
  }));
}
