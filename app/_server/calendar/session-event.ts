import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick, type Translations } from "@/app/_lib/i18n/localized";
import { enumerate, labelled } from "@/app/_lib/i18n/punctuation";
import { messages } from "@/app/_lib/i18n/messages";
import { createTranslator } from "@/app/_lib/i18n/translator";
import { joinParts } from "@/app/_lib/meetings/practical-info";
import { nameLine, type NamedPerson } from "@/app/_lib/names";
import { env } from "../env";
import { sessionUid, type CalendarEvent } from "./ics";
import { chinaTimeLine, translator } from "./wording";

/**
 * A published (or cancelled) session as an event, the same wherever it appears: the public feeds
 * (agenda/), a delegate's feed (self-service/) and the calendar of the registration emails (registration/).
 */

/** What the event shows of a session (the agenda's SessionDto is one). */
export type SessionEventSource = {
  id: string;
  status: "published" | "cancelled";
  title: Translations;
  description: Translations;
  startsAt: string;
  endsAt: string;
  room: { name: Translations; location: string | null } | null;
  speakers: NamedPerson[];
};

/** What a calendar needs beyond the session's content: the version fields. */
export type SessionVersion = { sequence: number; updatedAt: Date };

export type SessionEventContext = {
  lang: AppLocale;
  meetingSlug: string;
  timeZone: string;
  uidDomain: string;
};

/** The session page the event links back to (PUBLIC_URL, never the request's Host). */
export function sessionPageUrl(lang: AppLocale, meetingSlug: string, sessionId: string): string {
  return `${env().PUBLIC_URL}/${lang}/meetings/${encodeURIComponent(meetingSlug)}/sessions/${sessionId}`;
}

function roomLine(session: SessionEventSource, lang: AppLocale): string | null {
  if (!session.room) return null;
  return joinParts([pick(session.room.name, lang), session.room.location], lang) || null;
}

/**
 * The session in the calendar's language: its description, speakers, room, the time in Beijing for
 * readers in China, and the link to its page.
 */
export function sessionEvent(
  session: SessionEventSource,
  version: SessionVersion,
  context: SessionEventContext,
): CalendarEvent {
  const { lang } = context;
  const t = translator(lang);
  const labels = createTranslator({ locale: lang, messages: messages[lang], namespace: "session" });
  const speakers = session.speakers.map((person) => nameLine(person, lang));
  const room = roomLine(session, lang);
  const url = sessionPageUrl(lang, context.meetingSlug, session.id);
  const description = [
    pick(session.description, lang) || null,
    speakers.length > 0 ? labelled(labels("speakers"), enumerate(speakers, lang), lang) : null,
    room ? t("room", { room }) : null,
    chinaTimeLine(t, session, context.timeZone, lang),
    url,
  ].filter((line): line is string => line !== null);
  return {
    uid: sessionUid(session.id, context.uidDomain),
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
