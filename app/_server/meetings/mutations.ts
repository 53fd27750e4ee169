import "server-only";
import { copyChoice, type CopyCounts } from "@/app/_lib/meetings/copy";
import { meetingInput, newMeetingInput, type MeetingInput } from "@/app/_lib/meetings/fields";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { db, type Prisma } from "../db";
import { invalid, notFound } from "../errors";
import { copyMeetingParts, recordCopy } from "./copy";
import { parseInput } from "./input";
import { settingsSelect } from "./settings-select";
import { slugTaken, withSlugCheck } from "./slugs";

async function refuseTakenSlug(tx: Prisma.TransactionClient, slug: string, exceptId?: string): Promise<void> {
  const other = await tx.meeting.findUnique({ where: { slug }, select: { id: true } });
  if (other && other.id !== exceptId) throw slugTaken();
}

/**
 * Creates a meeting; with `copyFrom`, the parts the organizer checked (`copy-rooms`, `copy-program`, …)
 * of that meeting come along in the same transaction (copy.ts), audited as one `meeting.copy` entry with
 * the counts beside the meeting's own `meeting.create`.
 */
export async function createMeeting(
  actor: Actor | null,
  input: unknown,
): Promise<{ id: string; slug: string; copied: CopyCounts | null }> {
  authorize(actor, "editProgram");
  const { copyFrom, ...settings } = parseInput(newMeetingInput, input);
  const parts = copyFrom ? parseInput(copyChoice, input) : [];
  return withSlugCheck(() =>
    db.$transaction(async (tx) => {
      await refuseTakenSlug(tx, settings.slug);
      if (copyFrom && !(await tx.meeting.count({ where: { id: copyFrom } })))
        throw invalid({ copyFrom: { key: "invalidChoice" } });
      const meeting = await tx.meeting.create({ data: settings, select: settingsSelect });
      await recordAudit(tx, actor, {
        action: "meeting.create",
        entity: "Meeting",
        entityId: meeting.id,
        meetingId: meeting.id,
        after: { ...meeting, copiedFrom: copyFrom },
      });
      if (!copyFrom) return { id: meeting.id, slug: meeting.slug, copied: null };
      const copied = await copyMeetingParts(tx, copyFrom, meeting, parts);
      await recordCopy(tx, actor, meeting.id, parts, copied);
      return { id: meeting.id, slug: meeting.slug, copied: copied.counts };
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
