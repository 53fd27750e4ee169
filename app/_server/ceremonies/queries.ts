import "server-only";
import { db } from "../db";
import { translatedFields, type Translations } from "@/app/_lib/i18n/localized";
import { translationsOf } from "@/app/_lib/i18n/localized";
import { scheduleRunOfShow } from "@/app/_lib/run-of-show";
import { personSelect, toPersonDto, type PersonDto, type SessionDto } from "../agenda/queries";

export type SegmentDto = {
  id: string;
  position: number;
  durationMinutes: number;
  title: Translations;
  /** The public text: shown with the run-of-show on the session page. */
  description: Translations;
  participants: PersonDto[];
  /** Derived from the ceremony's start and the segments before, ISO UTC. */
  startsAt: string;
  endsAt: string;
};

export type RunOfShowDto = {
  segments: SegmentDto[];
  totalMinutes: number;
  overrunMinutes: number;
  inductees: { id: string; name: Translations }[];
};

/**
 * The run-of-show of a ceremony session, with computed times. Takes a session already authorized for
 * display. Public: it never reads the segments' internal notes (the back office adds them, admin-queries.ts).
 */
export async function getRunOfShow(
  session: Pick<SessionDto, "id" | "startsAt" | "endsAt">,
): Promise<RunOfShowDto> {
  const [segments, inductees] = await Promise.all([
    db.ceremonySegment.findMany({
      where: { sessionId: session.id },
      orderBy: { position: "asc" },
      select: {
        id: true,
        position: true,
        durationMinutes: true,
        ...translatedFields("title"),
        ...translatedFields("description"),
        participants: { orderBy: { position: "asc" }, select: { person: { select: personSelect } } },
      },
    }),
    db.ceremonyInductee.findMany({
      where: { sessionId: session.id },
      select: { city: { select: { id: true, ...translatedFields("name") } } },
    }),
  ]);
  const schedule = scheduleRunOfShow(
    { startsAt: new Date(session.startsAt), endsAt: new Date(session.endsAt) },
    segments,
  );
  return {
    segments: schedule.segments.map((segment) => ({
      id: segment.id,
      position: segment.position,
      durationMinutes: segment.durationMinutes,
      title: translationsOf(segment, "title"),
      description: translationsOf(segment, "description"),
      participants: segment.participants.map(({ person }) => toPersonDto(person)),
      startsAt: segment.startsAt.toISOString(),
      endsAt: segment.endsAt.toISOString(),
    })),
    totalMinutes: schedule.totalMinutes,
    overrunMinutes: schedule.overrunMinutes,
    inductees: inductees.map(({ city }) => ({ id: city.id, name: translationsOf(city, "name") })),
  };
}
