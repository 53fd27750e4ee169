import "server-only";
import { cityStatuses, type CityFormDefaults, type CityStatus } from "@/app/_lib/cities/fields";
import { isoDate } from "@/app/_lib/cities/membership";
import { RECORD_ID } from "@/app/_lib/ids";
import { translationsOf, translatedFields, type Translations } from "@/app/_lib/i18n/localized";
import { authorize, type Actor } from "../authz";
import { db } from "../db";
import { notFound } from "../errors";
import { cityBasicsSelect, toCityBasics, type CityBasics } from "./queries";

/** The back office's reads of cities: everything, candidates and organizers' notes included. */

export type AdminCityRow = CityBasics & { reviewNeeded: boolean };

export function isCityStatus(value: unknown): value is CityStatus {
  return typeof value === "string" && (cityStatuses as readonly string[]).includes(value);
}

/** Every city, or those of one standing; German first, then Chinese, each by English name. */
export async function listCitiesForAdmin(actor: Actor | null, status?: CityStatus): Promise<AdminCityRow[]> {
  authorize(actor, "editProgram");
  const cities = await db.city.findMany({
    where: status ? { status } : {},
    select: { ...cityBasicsSelect, reviewNeeded: true },
    orderBy: [{ country: "asc" }, { nameEn: "asc" }],
  });
  return cities.map((city) => ({ ...toCityBasics(city), reviewNeeded: city.reviewNeeded }));
}

export type AdminCity = {
  id: string;
  slug: string;
  defaults: CityFormDefaults;
  /** The held ceremony that admitted the city. */
  inductedBy: { meetingSlug: string; sessionId: string; title: Translations } | null;
};

/** One city as its form shows it; `not_found` for an unknown id. */
export async function getCityForEdit(actor: Actor | null, cityId: string): Promise<AdminCity> {
  authorize(actor, "editProgram");
  const city = RECORD_ID.test(cityId)
    ? await db.city.findUnique({
        where: { id: cityId },
        include: {
          inductedBySession: {
            select: { id: true, ...translatedFields("title"), meeting: { select: { slug: true } } },
          },
        },
      })
    : null;
  if (!city) throw notFound("City");
  const session = city.inductedBySession;
  return {
    id: city.id,
    slug: city.slug,
    defaults: {
      nameDe: city.nameDe,
      nameEn: city.nameEn,
      nameZh: city.nameZh ?? "",
      aliases: city.aliases.join("\n"),
      country: city.country,
      regionDe: city.regionDe ?? "",
      regionEn: city.regionEn ?? "",
      regionZh: city.regionZh ?? "",
      website: city.website ?? "",
      status: city.status,
      joinedOn: isoDate(city.joinedOn) ?? "",
      memberSince: city.memberSince == null ? "" : String(city.memberSince),
      note: city.note ?? "",
      reviewNeeded: city.reviewNeeded ? "on" : "",
    },
    inductedBy: session
      ? { meetingSlug: session.meeting.slug, sessionId: session.id, title: translationsOf(session, "title") }
      : null,
  };
}
