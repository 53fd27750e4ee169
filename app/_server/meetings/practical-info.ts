import "server-only";
import { cache } from "react";
import { translatedFields, translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import {
  hasContact,
  mapLinks,
  practicalInfoInput,
  practicalTextKeys,
  type PracticalInfo,
  type PracticalTextKey,
} from "@/app/_lib/meetings/practical-info";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { db, type Prisma } from "../db";
import { notFound } from "../errors";
import { parseInput } from "./input";
import type { MeetingDto } from "./queries";

/**
 * A meeting's practical information (app/_lib/meetings/practical-info.ts): read for the public pages, the
 * API and the emails' footer, edited by organizers on the meeting's settings page.
 */

/** Every column the organizers edit: what the form shows and the audit log keeps. */
const practicalInfoSelect = {
  contactName: true,
  contactEmail: true,
  contactPhone: true,
  venueAddress: true,
  latitude: true,
  longitude: true,
  directionsUrl: true,
  ...translatedFields("arrival"),
  ...translatedFields("badgePickup"),
  ...translatedFields("dressCode"),
  ...translatedFields("interpretation"),
} as const satisfies Prisma.MeetingPracticalInfoSelect;

type PracticalInfoRow = Prisma.MeetingPracticalInfoGetPayload<{ select: typeof practicalInfoSelect }>;

function practicalInfoOf(row: PracticalInfoRow): PracticalInfo {
  const texts = Object.fromEntries(practicalTextKeys.map((key) => [key, translationsOf(row, key)])) as Record<
    PracticalTextKey,
    Translations
  >;
  return {
    contact: { name: row.contactName, email: row.contactEmail, phone: row.contactPhone },
    venue: {
      address: row.venueAddress,
      coordinates:
        row.latitude !== null && row.longitude !== null
          ? { latitude: row.latitude, longitude: row.longitude }
          : null,
      directionsUrl: row.directionsUrl,
    },
    texts,
  };
}

/**
 * A meeting's practical information, or null when its organizers have not saved any. Any client: the
 * emails read it when they are composed, pages through `db`. Cached per request for the pages.
 */
export const getPracticalInfo = cache(async (meetingId: string): Promise<PracticalInfo | null> => {
  const row = await db.meetingPracticalInfo.findUnique({
    where: { meetingId },
    select: practicalInfoSelect,
  });
  return row && practicalInfoOf(row);
});

/** Whom the privacy page names: the contact of each published meeting that has one, newest first. */
export async function listMeetingContacts(): Promise<
  { slug: string; title: Translations; contact: PracticalInfo["contact"] }[]
> {
  const rows = await db.meeting.findMany({
    where: { published: true, practicalInfo: { isNot: null } },
    select: { slug: true, ...translatedFields("title"), practicalInfo: { select: practicalInfoSelect } },
    orderBy: { startsOn: "desc" },
  });
  return rows.flatMap((row) => {
    const info = row.practicalInfo && practicalInfoOf(row.practicalInfo);
    return hasContact(info)
      ? [{ slug: row.slug, title: translationsOf(row, "title"), contact: info.contact }]
      : [];
  });
}

/** The form's fields as strings, as the organizers' form shows them (empty where nothing is saved). */
export type PracticalInfoFormValues = Record<keyof PracticalInfoRow, string>;

export async function practicalInfoFormValues(
  actor: Actor | null,
  meetingId: string,
): Promise<PracticalInfoFormValues> {
  authorize(actor, "editProgram");
  const row = await db.meetingPracticalInfo.findUnique({
    where: { meetingId },
    select: practicalInfoSelect,
  });
  const keys = Object.keys(practicalInfoSelect) as (keyof PracticalInfoRow)[];
  return Object.fromEntries(
    keys.map((key) => [key, row?.[key] === null || row?.[key] === undefined ? "" : String(row[key])]),
  ) as PracticalInfoFormValues;
}

/**
 * Saves a meeting's practical information (permission `editProgram`): every field as the form posts it,
 * checked by `practicalInfoInput`, audited as `meeting.practicalInfo` with the record before and after.
 */
export async function savePracticalInfo(
  actor: Actor | null,
  meetingId: string,
  input: unknown,
): Promise<void> {
  authorize(actor, "editProgram");
  const data = parseInput(practicalInfoInput, input);
  await db.$transaction(async (tx) => {
    if (!(await tx.meeting.count({ where: { id: meetingId } }))) throw notFound("Meeting");
    const before = await tx.meetingPracticalInfo.findUnique({
      where: { meetingId },
      select: practicalInfoSelect,
    });
    const after = await tx.meetingPracticalInfo.upsert({
      where: { meetingId },
      create: { meetingId, ...data },
      update: data,
      select: practicalInfoSelect,
    });
    await recordAudit(tx, actor, {
      action: "meeting.practicalInfo",
      entity: "Meeting",
      entityId: meetingId,
      meetingId,
      before,
      after,
    });
  });
}

/**
 * The practical information as `GET /api/meetings/{slug}` gives it: the venue (its settings' name, city
 * and country, then address, coordinates, links and arrival), the contact (null without one) and the
 * other texts. Texts are `{ de, en, zh }`, null where not written.
 */
export function practicalInfoJson(venue: MeetingDto["venue"], info: PracticalInfo | null) {
  const texts = (key: PracticalTextKey): Translations => info?.texts[key] ?? { de: null, en: null, zh: null };
  const place = info?.venue ?? { address: null, coordinates: null, directionsUrl: null };
  const contact = info?.contact;
  return {
    venue: {
      ...venue,
      address: place.address,
      coordinates: place.coordinates,
      directionsUrl: place.directionsUrl,
      maps: mapLinks(venue.name, place),
      arrival: texts("arrival"),
    },
    contact:
      contact && (contact.name || contact.email || contact.phone)
        ? { name: contact.name, email: contact.email, phone: contact.phone }
        : null,
    practical: {
      badgePickup: texts("badgePickup"),
      dressCode: texts("dressCode"),
      interpretation: texts("interpretation"),
    },
  };
}
