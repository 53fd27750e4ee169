import "server-only";
import { nameFields, type PersonName } from "@/app/_lib/names";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { translatedFields, translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import { RECORD_ID, SLUG } from "@/app/_lib/ids";
import { deskFilterQuery, parseDeskFilters } from "@/app/_lib/registration/desk-filters";
import type { DelegateRole } from "@/app/_lib/registration/fields";
import { authorize, type Actor } from "../authz";
import { db, type Prisma } from "../db";
import { notFound } from "../errors";
import { checkInQrSvg } from "../registration/check-in-link";
import { deskOrderBy, deskWhere } from "../desk/desk-filter";

export type Badge = PersonName & {
  id: string;
  honorific: string | null;
  position: string | null;
  city: { name: Translations; country: "DE" | "CN" } | null;
  cityOther: string | null;
  role: DelegateRole;
  /** The check-in QR code as inline SVG. */
  qrSvg: string;
};

export type BadgeSheet = {
  meeting: { id: string; title: Translations; defaultLocale: AppLocale };
  /** "one": `?id=`; "filtered": the confirmed ones among the desk's filters; "confirmed": no filter, every confirmed registration. */
  selection: "one" | "filtered" | "confirmed";
  badges: Badge[];
};

/** More than a print run of a large meeting; a sheet beyond it would be a mistake in the filters. */
const MAX_BADGES = 1000;

const badgeSelect = {
  id: true,
  ...nameFields,
  honorific: true,
  position: true,
  city: { select: { ...translatedFields("name"), country: true } },
  cityOther: true,
  role: true,
  checkInCode: true,
} as const satisfies Prisma.RegistrationSelect;

/**
 * The badges to print: one registration (`?id=`), or the registrations the desk's list shows for the
 * same filters, in its order. Only confirmed registrations, the people who will come: a filter narrows
 * them (one by status other than confirmed or waitlisted gives an empty sheet), never adds others.
 */
export async function getBadgeSheet(
  actor: Actor | null,
  slug: string,
  params: Record<string, string | string[] | undefined>,
): Promise<BadgeSheet> {
  authorize(actor, "manageRegistrations");
  const row = SLUG.test(slug)
    ? await db.meeting.findUnique({
        where: { slug },
        select: { id: true, slug: true, ...translatedFields("title"), defaultLocale: true },
      })
    : null;
  if (!row) throw notFound("Meeting");
  const meeting = { id: row.id, title: translationsOf(row, "title"), defaultLocale: row.defaultLocale };
  const id = typeof params.id === "string" ? params.id : undefined;
  const filters = parseDeskFilters(params);
  const filtered = deskFilterQuery({ ...filters, sort: "name", descending: false }) !== "";
  const selection: BadgeSheet["selection"] = id ? "one" : filtered ? "filtered" : "confirmed";
  const confirmed = { meetingId: row.id, status: "confirmed" } as const;
  const rows =
    selection === "one"
      ? await db.registration.findMany({
          where: { ...confirmed, id: id && RECORD_ID.test(id) ? id : "" },
          select: badgeSelect,
        })
      : await db.registration.findMany({
          where: { AND: [confirmed, deskWhere(row.id, filters)] },
          orderBy: deskOrderBy(filters),
          select: badgeSelect,
          take: MAX_BADGES,
        });
  const badges = await Promise.all(
    rows.map(async ({ checkInCode, city, ...badge }) => ({
      ...badge,
      city: city && { name: translationsOf(city, "name"), country: city.country },
      qrSvg: await checkInQrSvg(row.slug, checkInCode),
    })),
  );
  return { meeting, selection, badges };
}
