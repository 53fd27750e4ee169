import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { messages } from "@/app/_lib/i18n/messages";
import { createTranslator } from "@/app/_lib/i18n/translator";
import { displayName } from "@/app/_lib/names";
import type { SessionDto } from "./queries";
import { db } from "../db";
import { env } from "../env";
import type { CalendarEvent } from "../calendar/ics";
import { sessionUid } from "../calendar/ics";
import { chinaTimeLine, translator } from "../calendar/wording";

/** What a calendar needs beyond the agenda's DTO: the version fields. */
export type SessionVersion = { sequence: number; updatedAt: Date };

/** The session page the event links back to (PUBLIC_URL, never the request's Host). */
export function sessionPageUrl(lang: AppLocale, meetingSlug: string, sessionId: string): string {
  return `${env().PUBLIC_URL}/${lang}/meetings/${encodeURIComponent(meetingSlug)}/sessions/${sessionId}`;
}

/** "Speakers: …" in Chinese takes a full-width colon. */
function labelled(label: string, value: string, lang: AppLocale): string {
  return `${label}${lang === "zh" ? "：" : ": "}${value}`;
}

function roomLine(session: SessionDto, lang: AppLocale): string | null {
  if (!session.room) return null;
  return [pick(session.room.name, lang), session.room.location].filter(Boolean).join(", ") || null;
}

/**
 * A published (or cancelled) session as an event in a public feed, in the feed's language: its
 * description, speakers, room, the time in Beijing for readers in China, and the link to its page.
 */
export function sessionEvent(
  session: SessionDto,
  version: SessionVersion,
  context: { lang: AppLocale; meetingSlug: string; timeZone: string },
): CalendarEvent {
  const { lang } = context;
  const t = translator(lang);
  const labels = createTranslator({ locale: lang, messages: messages[lang], namespace: "session" });
  const speakers = session.speakers.map((person) => {
    const name = displayName(person, lang);
    return name.secondary ? `${name.primary} (${name.secondary})` : name.primary;
  });
  const room = roomLine(session, lang);
  const url = sessionPageUrl(lang, context.meetingSlug, session.id);
  const description = [
    pick(session.description, lang) || null,
    speakers.length > 0 ? labelled(labels("speakers"), speakers.join(", "), lang) : null,
    room ? t("room", { room }) : null,
    chinaTimeLine(t, session, context.timeZone, lang),
    url,
  ].filter((line): line is string => line !== null);
  return {
    uid: sessionUid(session.id),
    sequence: version.sequence,
    start: session.startsAt,
    end: session.endsAt,
    modified: version.updatedAt,
    summary: pick(session.title, lang),
    description: description.join("\n"),
    location: room,
    status: session.status === "cancelled" ? "cancelled" : "confirmed",
    url,
  };
}

/**
 * Agenda sessions as events, with their calendar versions (SEQUENCE, LAST-MODIFIED), which the public
 * agenda DTO does not carry. A session deleted meanwhile is left out.
 */
export async function sessionEvents(
  sessions: SessionDto[],
  context: { lang: AppLocale; meetingSlug: string; timeZone: string },
): Promise<CalendarEvent[]> {
  const rows = await db.session.findMany({
    where: { id: { in: sessions.map((session) => session.id) } },
    select: { id: true, sequence: true, updatedAt: true },
  });
  const versions = new Map(rows.map((row) => [row.id, row]));
  return sessions.flatMap((session) => {
    const version = versions.get(session.id);
    return version ? [sessionEvent(session, version, context)] : [];
  });
}
