import "server-only";
import { translatedFields, translationsOf } from "@/app/_lib/i18n/localized";
import { nameFields } from "@/app/_lib/names";
import { db } from "../db";
import type { CalendarEvent } from "../calendar/ics";
import { sessionEvent, type SessionEventContext } from "../calendar/session-event";

/**
 * The part of a delegate's program that needs no seat: the sessions open to everyone (no capacity) of a
 * published meeting, as the events of the delegate's calendar, the same in the personal feed and in the
 * emails' calendar. Cancelled ones stay, cancelled, so that a calendar that holds them learns of it.
 */
export async function openSessionEvents(
  meetingSlug: string,
  context: Omit<SessionEventContext, "meetingSlug">,
): Promise<CalendarEvent[]> {
  const rows = await db.session.findMany({
    where: {
      meeting: { slug: meetingSlug, published: true },
      capacity: null,
      status: { in: ["published", "cancelled"] },
    },
    select: {
      id: true,
      status: true,
      startsAt: true,
      endsAt: true,
      sequence: true,
      updatedAt: true,
      ...translatedFields("title"),
      ...translatedFields("description"),
      room: { select: { location: true, ...translatedFields("name") } },
      speakers: {
        select: { person: { select: { ...nameFields, ...translatedFields("honorific") } } },
        orderBy: { position: "asc" },
      },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) =>
    sessionEvent(
      {
        id: row.id,
        status: row.status === "cancelled" ? "cancelled" : "published",
        title: translationsOf(row, "title"),
        description: translationsOf(row, "description"),
        startsAt: row.startsAt.toISOString(),
        endsAt: row.endsAt.toISOString(),
        room: row.room && { name: translationsOf(row.room, "name"), location: row.room.location },
        speakers: row.speakers.map(({ person }) => ({
          ...person,
          honorific: translationsOf(person, "honorific"),
        })),
      },
      row,
      { ...context, meetingSlug },
    ),
  );
}
