import "server-only";
import { nameFields, type PersonName } from "@/app/_lib/names";
import { translatedFields, translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import { RECORD_ID } from "@/app/_lib/ids";
import { authorize, type Actor } from "../authz";
import { db, type Prisma } from "../db";
import { notFound } from "../errors";
import type { PersonFormDefaults } from "@/app/_lib/people/fields";

export type PersonListItem = PersonName & {
  id: string;
  slug: string;
  organization: string | null;
  position: Translations;
  city: Translations | null;
};

const MAX_LISTED = 200;

/**
 * Speakers and officials, by family name. `search` matches every word against the Latin and the
 * native-script name and the organization, in any case.
 */
export async function listPeople(actor: Actor | null, search = ""): Promise<PersonListItem[]> {
  authorize(actor, "editProgram");
  const words = search.trim().split(/\s+/).filter(Boolean).slice(0, 5);
  const matches = (word: string): Prisma.PersonWhereInput => ({
    OR: (["givenName", "familyName", "nativeName", "organization"] as const).map((field) => ({
      [field]: { contains: word, mode: "insensitive" },
    })),
  });
  const rows = await db.person.findMany({
    where: words.length ? { AND: words.map(matches) } : undefined,
    orderBy: [{ familyName: "asc" }, { givenName: "asc" }],
    take: MAX_LISTED,
    select: {
      id: true,
      slug: true,
      ...nameFields,
      organization: true,
      ...translatedFields("position"),
      city: { select: translatedFields("name") },
    },
  });
  return rows.map(({ positionDe, positionEn, positionZh, city, ...person }) => ({
    ...person,
    position: translationsOf({ positionDe, positionEn, positionZh }, "position"),
    city: city ? translationsOf(city, "name") : null,
  }));
}

/** Where a person takes part: the reason a deletion is refused. */
export type PersonUse = {
  meetingSlug: string;
  sessionId: string;
  sessionTitle: Translations;
  as: "speaker" | "segment" | "official";
};

export type PersonDetails = {
  id: string;
  /** The form's values, "" for what is not given. */
  defaults: PersonFormDefaults;
  uses: PersonUse[];
};

const sessionRef = {
  select: { id: true, ...translatedFields("title"), meeting: { select: { slug: true } } },
} as const;

/** One person for the edit page, with the sessions and ceremonies they take part in; `not_found` otherwise. */
export async function getPerson(actor: Actor | null, id: string): Promise<PersonDetails> {
  authorize(actor, "editProgram");
  const row = RECORD_ID.test(id)
    ? await db.person.findUnique({
        where: { id },
        include: {
          sessions: { select: { session: sessionRef } },
          segments: { select: { segment: { select: { session: sessionRef } } } },
          ceremonies: { select: { session: sessionRef } },
        },
      })
    : null;
  if (!row) throw notFound("Person");
  const use = (
    session: {
      id: string;
      titleDe: string;
      titleEn: string | null;
      titleZh: string | null;
      meeting: { slug: string };
    },
    as: PersonUse["as"],
  ): PersonUse => ({
    meetingSlug: session.meeting.slug,
    sessionId: session.id,
    sessionTitle: translationsOf(session, "title"),
    as,
  });
  return {
    id: row.id,
    defaults: {
      givenName: row.givenName,
      familyName: row.familyName,
      nativeName: row.nativeName ?? "",
      nameOrder: row.nameOrder,
      honorificDe: row.honorificDe ?? "",
      honorificEn: row.honorificEn ?? "",
      honorificZh: row.honorificZh ?? "",
      positionDe: row.positionDe ?? "",
      positionEn: row.positionEn ?? "",
      positionZh: row.positionZh ?? "",
      organization: row.organization ?? "",
      cityId: row.cityId ?? "",
      slug: row.slug,
    },
    uses: distinctUses([
      ...row.sessions.map(({ session }) => use(session, "speaker")),
      ...row.segments.map(({ segment }) => use(segment.session, "segment")),
      ...row.ceremonies.map(({ session }) => use(session, "official")),
    ]),
  };
}

/** A person in several segments of one ceremony takes part in it once. */
function distinctUses(uses: PersonUse[]): PersonUse[] {
  const seen = new Set<string>();
  return uses.filter((use) => {
    const key = `${use.as}:${use.sessionId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
