import "server-only";
import { meetingInput, newMeetingInput, type MeetingInput } from "@/app/_lib/meetings/fields";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { db, type Prisma } from "../db";
import { invalid, notFound } from "../errors";
import { parseInput } from "./input";
import { roomSettings, trackSettings } from "./room-queries";
import { settingsSelect } from "./settings-select";
import { slugTaken, withSlugCheck } from "./slugs";

async function refuseTakenSlug(tx: Prisma.TransactionClient, slug: string, exceptId?: string): Promise<void> {
  const other = await tx.meeting.findUnique({ where: { slug }, select: { id: true } });
  if (other && other.id !== exceptId) throw slugTaken();
}

/**
 * Creates a meeting; with `copyFrom`, the rooms (names, location, capacity, order) and tracks (names,
 * colour, order) of that meeting come along, never its sessions.
 */
export async function createMeeting(
  actor: Actor | null,
  input: unknown,
): Promise<{ id: string; slug: string }> {
  authorize(actor, "editProgram");
  const { copyFrom, ...settings } = parseInput(newMeetingInput, input);
  return withSlugCheck(() =>
    db.$transaction(async (tx) => {
      await refuseTakenSlug(tx, settings.slug);
      const source = copyFrom
        ? await tx.meeting.findUnique({
            where: { id: copyFrom },
            select: {
              id: true,
              rooms: { select: roomSettings },
              tracks: { select: trackSettings },
            },
          })
        : null;
      if (copyFrom && !source) throw invalid({ copyFrom: { key: "invalidChoice" } });
      const meeting = await tx.meeting.create({
        data: {
          ...settings,
          rooms: source ? { create: source.rooms } : undefined,
          tracks: source ? { create: source.tracks } : undefined,
        },
        select: settingsSelect,
      });
      await recordAudit(tx, actor, {
        action: "meeting.create",
        entity: "Meeting",
        entityId: meeting.id,
        meetingId: meeting.id,
        after: {
          ...meeting,
          copiedFrom: source?.id ?? null,
          rooms: source?.rooms ?? [],
          tracks: source?.tracks ?? [],
        },
      });
      return { id: meeting.id, slug: meeting.slug };
    }),
  );
}

/**
 * Saves a meeting's settings. Returns the slug, which may have changed. The time zone is fixed once the
 * meeting has sessions: their times are stored as instants, so another zone would move every one of them
 * to other clock times without anyone deciding it.
 */
export async function updateMeeting(
  actor: Actor | null,
  meetingId: string,
  input: unknown,
): Promise<{ slug: string }> {
  authorize(actor, "editProgram");
  const settings: MeetingInput = parseInput(meetingInput, input);
  return withSlugCheck(() =>
    db.$transaction(async (tx) => {
      const before = await tx.meeting.findUnique({ where: { id: meetingId }, select: settingsSelect });
      if (!before) throw notFound("Meeting");
      await refuseTakenSlug(tx, settings.slug, meetingId);
      if (settings.timeZone !== before.timeZone && (await tx.session.count({ where: { meetingId } })) > 0) {
        throw invalid({ timeZone: { key: "timeZoneHasSessions" } });
      }
      const after = await tx.meeting.update({
        where: { id: meetingId },
        data: settings,
        select: settingsSelect,
      });
      await recordAudit(tx, actor, {
        action: "meeting.update",
        entity: "Meeting",
        entityId: meetingId,
        meetingId,
        before,
        after,
      });
      return { slug: after.slug };
    }),
  );
}
