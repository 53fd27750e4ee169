import "server-only";
import { translatedFields } from "@/app/_lib/i18n/localized";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { db } from "../db";
import { segmentTemplate } from "../meetings/copy";
import { registrationTransaction } from "../registration/transaction";
import { uniqueSlug } from "./mutations";
import { findAdminMeeting } from "./schedule";
import { auditRecord, lockSessionRecord, sessionRecordSelect } from "./session-records";

/**
 * "Duplicate" on a session: a draft copy with a new slug and the same title (as pretalx and Indico do;
 * the organizer renames or moves it in the editor, which opens next), at the same time and in the same
 * room, with the same speakers, languages and capacity. A ceremony brings its run-of-show along, without
 * its people (participants, officials, inductees), as copying a meeting does. Seats, publication and
 * the conflict note stay with the original; the copy's conflicts with it show in the editor, and
 * publishing it checks them again.
 */
export async function duplicateSession(
  actor: Actor | null,
  meetingSlug: string,
  sessionId: string,
): Promise<{ id: string }> {
  authorize(actor, "editProgram");
  const meeting = await findAdminMeeting(db, meetingSlug);
  return registrationTransaction(async (tx) => {
    await lockSessionRecord(tx, meeting, sessionId);
    const source = await tx.session.findUniqueOrThrow({
      where: { id: sessionId },
      select: {
        kind: true,
        ...translatedFields("title"),
        ...translatedFields("description"),
        startsAt: true,
        endsAt: true,
        roomId: true,
        trackId: true,
        capacity: true,
        languages: true,
        interpretation: true,
        internalNotes: true,
        speakers: { select: { personId: true, role: true, position: true }, orderBy: { position: "asc" } },
        segments: { select: segmentTemplate, orderBy: { position: "asc" } },
      },
    });
    const { speakers, segments, ...content } = source;
    const withRunOfShow = content.kind === "ceremony" && segments.length > 0;
    const created = await tx.session.create({
      data: {
        ...content,
        meetingId: meeting.id,
        slug: await uniqueSlug(tx, meeting.id, content.titleDe),
        status: "draft",
        speakers: { create: speakers },
        segments: withRunOfShow ? { create: segments } : undefined,
      },
      select: sessionRecordSelect,
    });
    await recordAudit(tx, actor, {
      action: "session.duplicate",
      entity: "Session",
      entityId: created.id,
      meetingId: meeting.id,
      after: {
        ...auditRecord(created),
        duplicateOf: sessionId,
        segments: withRunOfShow ? segments.length : 0,
      },
    });
    return { id: created.id };
  });
}
