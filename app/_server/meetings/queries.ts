import "server-only";
import { cache } from "react";
import { db } from "../db";
import { notFound } from "../errors";
import { SLUG } from "@/app/_lib/ids";
import type { Translations } from "@/app/_lib/i18n/localized";
import { translatedFields, translationsOf } from "@/app/_lib/i18n/localized";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { registrationWindow } from "@/app/_lib/registration/window";
import type { CityDto } from "../alliance/queries";
import { settingsSelect } from "./settings-select";

export type MeetingDto = {
  id: string;
  slug: string;
  title: Translations;
  summary: Translations;
  venue: { name: string; city: string; country: "DE" | "CN" };
  timeZone: string;
  /** ISO dates (yyyy-mm-dd), in the meeting's zone. */
  startsOn: string;
  endsOn: string;
  /** The window as it applies: `closesAt` is the end of the last day when no closing date is set. */
  registration: { opensAt: string | null; closesAt: string; requiresApproval: boolean };
  defaultLocale: AppLocale;
  exampleProgram: boolean;
  /** Working days within which a requested visa letter is sent. */
  visaLetterDays: number;
};

/** The settings (the published flag too, which the public pages do not show) and what only they show. */
const meetingSelect = {
  ...settingsSelect,
  ...translatedFields("summary"),
  exampleProgram: true,
} as const;

type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeetingRow>>>;

async function findMeetingRow(slug: string) {
  if (!SLUG.test(slug)) return null;
  return db.meeting.findFirst({ where: { slug, published: true }, select: meetingSelect });
}

function toDto(row: MeetingRow): MeetingDto {
  return {
    id: row.id,
    slug: row.slug,
    title: translationsOf(row, "title"),
    summary: translationsOf(row, "summary"),
    venue: { name: row.venueName, city: row.venueCity, country: row.venueCountry },
    timeZone: row.timeZone,
    startsOn: row.startsOn.toISOString().slice(0, 10),
    endsOn: row.endsOn.toISOString().slice(0, 10),
    registration: {
      ...registrationWindow(row),
      requiresApproval: row.requiresApproval,
    },
    defaultLocale: row.defaultLocale,
    exampleProgram: row.exampleProgram,
    visaLetterDays: row.visaLetterDays,
  };
}

/** Published meetings, newest first. */
export async function listMeetings(): Promise<MeetingDto[]> {
  const rows = await db.meeting.findMany({
    where: { published: true },
    select: meetingSelect,
    orderBy: { startsOn: "desc" },
  });
  return rows.map(toDto);
}

/** A published meeting; `not_found` otherwise. Cached per request: layouts and pages share it. */
export const getMeeting = cache(async (slug: string): Promise<MeetingDto> => {
  const row = await findMeetingRow(slug);
  if (!row) throw notFound("Meeting");
  return toDto(row);
});

/** Cities admitted to the alliance in one of the meeting's ceremonies. */
export async function listInductees(meetingId: string): Promise<Pick<CityDto, "id" | "slug" | "name">[]> {
  const rows = await db.ceremonyInductee.findMany({
    where: { session: { meetingId, status: { not: "draft" } } },
    select: { city: { select: { id: true, slug: true, ...translatedFields("name") } } },
  });
  return rows.map(({ city }) => ({ id: city.id, slug: city.slug, name: translationsOf(city, "name") }));
}
