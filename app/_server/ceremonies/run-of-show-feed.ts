import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { messages } from "@/app/_lib/i18n/messages";
import { createTranslator } from "@/app/_lib/i18n/translator";
import { startDelay } from "@/app/_lib/live-show";
import { displayName } from "@/app/_lib/names";
import { formatTimeRange } from "@/app/_lib/time";
import type { Actor } from "../authz";
import { feedLanguage } from "../calendar/feeds";
import { renderCalendar, sessionUid, type CalendarEvent } from "../calendar/ics";
import { feedBody, type FeedBody } from "../calendar/feed-body";
import { calendarUidDomain } from "../calendar/uid-domain";
import { getCeremonyProgramme, type CeremonyProgramme } from "./admin-queries";

/**
 * The organizers' calendar of a ceremony: one event per segment at its derived time, so that stage
 * managers see the run-of-show in their calendar. Private: it names people and carries the segments'
 * internal notes, each labelled apart from the public description.
 */

/** The UID of a segment's event: its own, distinct from the ceremony's session event. */
export function segmentUid(segmentId: string, uidDomain: string): string {
  return `segment-${sessionUid(segmentId, uidDomain)}`;
}

/** After the show: when the segment really ran, and how far from the plan (null before it ran). */
function actualLine(
  segment: CeremonyProgramme["runOfShow"]["segments"][number],
  lang: AppLocale,
  zone: string,
) {
  const delay = startDelay(segment);
  if (!delay || !segment.actualStartedAt || !segment.actualEndedAt) return null;
  const t = createTranslator({ locale: lang, messages: messages[lang], namespace: "adminLive" });
  return t("feed.actual", {
    time: formatTimeRange(segment.actualStartedAt, segment.actualEndedAt, zone, lang),
    difference: t(`planned.${delay.key}`, { minutes: delay.minutes }),
  });
}

function segmentEvents(programme: CeremonyProgramme, lang: AppLocale, uidDomain: string): CalendarEvent[] {
  const t = createTranslator({ locale: lang, messages: messages[lang], namespace: "adminCeremony.feed" });
  const { ceremony } = programme;
  const ceremonyTitle = pick(ceremony.title, lang);
  const location = ceremony.room
    ? [pick(ceremony.room.name, lang), ceremony.room.location].filter(Boolean).join(", ")
    : null;
  const list = new Intl.ListFormat(lang, { type: "conjunction" });
  return programme.runOfShow.segments.map((segment) => {
    const names = segment.participants.map((person) => {
      const name = displayName(person, lang);
      return name.secondary ? `${name.primary} (${name.secondary})` : name.primary;
    });
    const description = pick(segment.description, lang);
    const internalNotes = segment.internalNotes?.trim();
    return {
      uid: segmentUid(segment.id, uidDomain),
      // Segment times derive from the ceremony: its version is theirs (LAST-MODIFIED follows every edit).
      sequence: ceremony.sequence,
      start: segment.startsAt,
      end: segment.endsAt,
      modified: ceremony.updatedAt,
      summary: pick(segment.title, lang),
      description: [
        t("partOf", { ceremony: ceremonyTitle }),
        actualLine(segment, lang, programme.meeting.timeZone),
        names.length > 0 ? t("participants", { names: list.format(names) }) : null,
        description ? t("description", { text: description }) : null,
        internalNotes ? t("internalNotes", { notes: internalNotes }) : null,
      ]
        .filter((line): line is string => line !== null)
        .join("\n"),
      location,
      status:
        ceremony.status === "cancelled"
          ? "cancelled"
          : ceremony.status === "draft"
            ? "tentative"
            : "confirmed",
    };
  });
}

/** The feed's bytes and validators, in `requestedLang` or the meeting's language. */
export async function runOfShowFeed(
  actor: Actor | null,
  meetingSlug: string,
  sessionId: string,
  requestedLang: string | null,
): Promise<FeedBody> {
  const programme = await getCeremonyProgramme(actor, meetingSlug, sessionId);
  const lang = feedLanguage(requestedLang, programme.meeting.defaultLocale);
  const t = createTranslator({ locale: lang, messages: messages[lang], namespace: "adminCeremony.feed" });
  const text = renderCalendar({
    name: t("name", { ceremony: pick(programme.ceremony.title, lang) }),
    timeZone: programme.meeting.timeZone,
    events: segmentEvents(programme, lang, await calendarUidDomain()),
  });
  return feedBody(text, programme.ceremony.updatedAt);
}
