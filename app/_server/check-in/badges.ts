import "server-only";
import { nameFields } from "@/app/_lib/names";
import type { BadgeDelegate } from "@/app/_lib/badges";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { translatedFields, translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import { RECORD_ID, SLUG } from "@/app/_lib/ids";
import { deskFilterQuery, parseDeskFilters } from "@/app/_lib/registration/desk-filters";
import { authorize, type Actor } from "../authz";
import { db, type Prisma } from "../db";
import { notFound } from "../errors";
import { checkInQrSvg } from "../registration/check-in-link";
import { deskOrderBy, deskWhere } from "../desk/desk-filter";

export type Badge = BadgeDelegate & {
  id: string;
  /** The check-in QR code as inline SVG. */
  qrSvg: string;
};

export type BadgeSheet = {
  meeting: { id: string; title: Translations; defaultLocale: AppLocale };
  /** "one": `?id=`, a registration of this meeting; "filtered": the confirmed ones among the desk's filters; "confirmed": no filter, every confirmed registration. */
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
  city: { select: translatedFields("name") },
  cityOther: true,
  role: true,
  language: true,
  checkInCode: true,
} as const satisfies Prisma.RegistrationSelect;

/**
 * The badges to print: one registration (`?id=`), or the registrations the desk's list shows for the
 * same filters, in its order. Only confirmed registrations, the people who will come: a filter narrows
 * them (one by status other than confirmed or waitlisted gives an empty sheet), never adds others.
 *
 * One badge needs only `printBadge`, which the check-in desk has: it prints the badge of the person in
 * front of it, and learns nothing the badge does not show. The filters, which read the registration list
 * (status, quotas, needs), and the sheet of everyone need `manageRegistrations`. An id that is not a
 * registration of this meeting is not found, whatever the role.
 */
export async function getBadgeSheet(
  actor: Actor | null,
  slug: string,
  params: Record<string, string | string[] | undefined>,
): Promise<BadgeSheet> {
  const id = typeof params.id === "string" ? params.id : undefined;
  authorize(actor, id === undefined ? "manageRegistrations" : "printBadge");
  const row = SLUG.test(slug)
    ? await db.meeting.findUnique({
        where: { slug },
        select: { id: true, slug: true, ...translatedFields("title"), defaultLocale: true },
      })
    : null;
  if (!row) throw notFound("Meeting");
  const meeting = { id: row.id, title: translationsOf(row, "title"), defaultLocale: row.defaultLocale };
  const filters = parseDeskFilters(params);
  const filtered = deskFilterQuery({ ...filters, sort: "name", descending: false }) !== "";
  const selection: BadgeSheet["selection"] = id !== undefined ? "one" : filtered ? "filtered" : "confirmed";
  const confirmed = { meetingId: row.id, status: "confirmed" } as const;
  let rows: Prisma.RegistrationGetPayload<{ select: typeof badgeSelect }>[];
  if (id !== undefined) {
    const one = RECORD_ID.test(id)
      ? await db.registration.findFirst({
          where: { id, meetingId: row.id },
          select: { ...badgeSelect, status: true },
        })
      : null;
    if (!one) throw notFound("Registration");
    const { status, ...badge } = one;
    rows = status === "confirmed" ? [badge] : [];
  } else {
    rows = await db.registration.findMany({
      where: { AND: [confirmed, deskWhere(row.id, filters)] },
      orderBy: deskOrderBy(filters),
      select: badgeSelect,
      take: MAX_BADGES,
    });
  }
  const badges = await Promise.all(
    rows.map(async ({ checkInCode, city, ...badge }) => ({
      ...badge,
      city: city && { name: translationsOf(city, "name") },
      qrSvg: await checkInQrSvg(row.slug, checkInCode),
    })),
  );
  return { meeting, selection, badges };
}
