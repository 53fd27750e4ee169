/**
 * The 2017 meeting's program as the demo seeds it: rooms, tracks and sessions created where missing
 * (keyed by slug), and the ceremony's inductees, segments and order of precedence.
 */
import { DateTime } from "luxon";
import type { Db } from "../app/_server/db";
import { translatedColumns } from "../app/_lib/i18n/localized";
import alliance from "./seed-data/alliance.json" with { type: "json" };
import { ceremony } from "./seed-data/ceremony-2017";
import { rooms, sessions, tracks } from "./seed-data/program-2017";
import type { SlugIds } from "./seed-alliance";

export const TIME_ZONE = alliance.meeting2017.timezone;

function berlin(time: string): Date {
  return DateTime.fromISO(`${alliance.meeting2017.date}T${time}`, { zone: TIME_ZONE }).toJSDate();
}

/** Saves each item (its index is its sort order) and keeps the ids by slug. */
async function idsBySlug<Item extends { slug: string }>(
  items: readonly Item[],
  save: (item: Item, index: number) => Promise<{ id: string }>,
): Promise<SlugIds> {
  const ids: SlugIds = new Map();
  for (const [index, item] of items.entries()) ids.set(item.slug, (await save(item, index)).id);
  return ids;
}

/** Creates what is missing of the program; returns how many sessions were new. */
export async function seedProgram(
  db: Db,
  meetingId: string,
  { cityIds, personIds }: { cityIds: SlugIds; personIds: SlugIds },
): Promise<number> {
  const roomIds = await idsBySlug(rooms, (room, index) =>
    db.room.upsert({
      where: { meetingId_slug: { meetingId, slug: room.slug } },
      update: {},
      create: {
        meetingId,
        slug: room.slug,
        ...translatedColumns("name", room.name),
        location: room.location,
        capacity: room.capacity,
        sortOrder: index,
      },
      select: { id: true },
    }),
  );

  const trackIds = await idsBySlug(tracks, (track, index) =>
    db.track.upsert({
      where: { meetingId_slug: { meetingId, slug: track.slug } },
      update: {},
      create: {
        meetingId,
        slug: track.slug,
        ...translatedColumns("name", track.name),
        color: track.color,
        sortOrder: index,
      },
      select: { id: true },
    }),
  );

  let created = 0;
  for (const session of sessions) {
    const key = { meetingId_slug: { meetingId, slug: session.slug } };
    if (await db.session.findUnique({ where: key, select: { id: true } })) continue;
    created += 1;
    const row = await db.session.create({
      data: {
        meetingId,
        slug: session.slug,
        kind: session.kind,
        status: "published",
        firstPublishedAt: new Date(),
        ...translatedColumns("title", session.title),
        ...translatedColumns("description", session.description),
        startsAt: berlin(session.start),
        endsAt: berlin(session.end),
        roomId: roomIds.get(session.room),
        trackId: session.track ? trackIds.get(session.track) : null,
        capacity: session.capacity ?? null,
        languages: session.languages,
        interpretation: session.interpretation,
        speakers: {
          create: (session.speakers ?? []).map((speaker, position) => ({
            personId: personIds.get(speaker.person)!,
            role: speaker.role,
            position,
          })),
        },
      },
      select: { id: true },
    });
    if (session.slug === ceremony.session) {
      await db.ceremonyInductee.createMany({
        data: ceremony.inductees.map((city) => ({ sessionId: row.id, cityId: cityIds.get(city)! })),
      });
      // Held on 24 April 2017: it admitted Köln (joined on that day, seed-data/alliance-cities.ts).
      await db.session.update({ where: { id: row.id }, data: { heldAt: berlin(session.end) } });
      await db.city.updateMany({
        where: { id: { in: ceremony.inductees.map((city) => cityIds.get(city)!) } },
        data: { inductedBySessionId: row.id },
      });
      for (const [position, segment] of ceremony.segments.entries()) {
        await db.ceremonySegment.create({
          data: {
            sessionId: row.id,
            position,
            durationMinutes: segment.minutes,
            ...translatedColumns("title", segment.title),
            ...translatedColumns("description", "description" in segment ? segment.description : undefined),
            internalNotes: "internalNotes" in segment ? segment.internalNotes : null,
            participants: {
              create: segment.participants.map((person, order) => ({
                personId: personIds.get(person)!,
                position: order,
              })),
            },
          },
        });
      }
    }
  }
  await seedOfficials(db, meetingId, personIds);
  return created;
}

/**
 * The ceremony's order of precedence, created once: a ceremony that has officials (the seed's or an
 * organizer's) keeps them as they are.
 */
async function seedOfficials(db: Db, meetingId: string, personIds: SlugIds): Promise<void> {
  const session = await db.session.findUnique({
    where: { meetingId_slug: { meetingId, slug: ceremony.session } },
    select: { id: true, _count: { select: { officials: true } } },
  });
  if (!session || session._count.officials > 0) return;
  await db.ceremonyOfficial.createMany({
    data: ceremony.officials.map((official, precedence) => ({
      sessionId: session.id,
      personId: personIds.get(official.person)!,
      precedence,
      speaks: official.speaks,
      signs: official.signs,
    })),
    skipDuplicates: true,
  });
}
