import "server-only";
import { z } from "zod";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { messages } from "@/app/_lib/i18n/messages";
import { createTranslator } from "@/app/_lib/i18n/translator";
import {
  applyShowCommand,
  showCommandInput,
  type ShowCommand,
  type ShowRefusal,
} from "@/app/_lib/live-commands";
import {
  DEFAULT_LATE_NOTICE_MINUTES,
  type CrewShow,
  type StoredSegment,
  type StoredShow,
} from "@/app/_lib/live-show";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { db, type Prisma } from "../db";
import { AppError, invalid, notFound } from "../errors";
import { announce } from "../live/bus";
import { crewView, readShowRows, readShowSnapshot, storedSegmentsOf, storedShowOf } from "./live-state";
import type { CeremonyRef } from "./records";

/**
 * The operators' commands (start, next, back, hold, resume, adjust): each in one transaction that locks
 * the show's row first, so that two operators pressing "next" at once move the show one step and the
 * second is told that it moved. A command's id makes it idempotent: the same id again gets the outcome
 * it had and changes nothing. Each accepted command is audited and announced to every instance.
 */

type Tx = Prisma.TransactionClient;

export type CommandAnswer =
  | { status: 200; body: { show: CrewShow } }
  | { status: 409; body: { error: { code: ShowRefusal; message: string }; show: CrewShow } };

/** The show's row, made if missing, locked until the transaction ends; null: not a ceremony of the meeting. */
export async function lockShow(tx: Tx, ref: CeremonyRef): Promise<{ version: number } | null> {
  const ceremony = await tx.session.findFirst({
    where: { id: ref.sessionId, kind: "ceremony", meeting: { slug: ref.meetingSlug } },
    select: { id: true },
  });
  if (!ceremony) return null;
  await tx.$executeRaw`
    INSERT INTO "LiveShow" ("sessionId", "updatedAt") VALUES (${ceremony.id}, now()) ON CONFLICT DO NOTHING`;
  const [row] = await tx.$queryRaw<{ version: number }[]>`
    SELECT "version" FROM "LiveShow" WHERE "sessionId" = ${ceremony.id} FOR UPDATE`;
  return row ?? null;
}

type Outcome = { status: 200 } | { status: 409; code: ShowRefusal };

/**
 * Applies `command` to the show as the transaction reads it, expecting `version` (read under the lock):
 * writes the new state, the command's record, the audit entry and the announcement, or records the
 * refusal. Exported for the concurrency test's control, which reads the version without the lock.
 */
export async function applyCommand(
  tx: Tx,
  actor: Actor,
  sessionId: string,
  version: number,
  command: ShowCommand,
): Promise<Outcome> {
  const earlier = await tx.liveShowCommand.findUnique({ where: { id: command.commandId } });
  if (earlier) {
    if (earlier.sessionId !== sessionId || earlier.action !== command.action)
      throw new AppError("idempotency_conflict", "This command id was used for another command");
    return earlier.status === 200 ? { status: 200 } : { status: 409, code: earlier.errorCode as ShowRefusal };
  }
  const rows = (await readShowRows(tx, sessionId))!;
  const before = storedShowOf(rows.liveShow!);
  const segments = storedSegmentsOf(rows.segments);
  const now = new Date();
  const transition =
    command.expectedVersion !== version
      ? ({ refused: "moved" } as const)
      : applyShowCommand(before, segments, command, now, rows.startsAt);
  const record = { id: command.commandId, sessionId, action: command.action, actorId: actor.id };
  if (transition.refused !== null) {
    await tx.liveShowCommand.create({
      data: { ...record, status: 409, errorCode: transition.refused, version },
    });
    return { status: 409, code: transition.refused };
  }
  await writeShow(tx, transition.show, segments, transition.segments);
  await tx.liveShowCommand.create({ data: { ...record, status: 200, version: transition.show.version } });
  await recordAudit(tx, actor, {
    action: `liveShow.${command.action}`,
    entity: "Session",
    entityId: sessionId,
    meetingId: rows.meeting.id,
    before: auditRecord(before, segments),
    after: auditRecord(transition.show, transition.segments),
  });
  await announce(tx, sessionId, String(transition.show.version));
  return { status: 200 };
}

async function writeShow(
  tx: Tx,
  show: StoredShow,
  before: StoredSegment[],
  after: StoredSegment[],
): Promise<void> {
  await tx.liveShow.update({
    where: { sessionId: show.sessionId },
    data: {
      phase: show.phase,
      currentSegmentId: show.currentSegmentId,
      version: show.version,
      startedAt: show.startedAt,
      endedAt: show.endedAt,
      heldSince: show.heldSince,
    },
  });
  const previous = new Map(before.map((segment) => [segment.id, segment]));
  for (const segment of after) {
    const old = previous.get(segment.id);
    const fields = {
      actualStartedAt: segment.actualStartedAt,
      actualEndedAt: segment.actualEndedAt,
      adjustedDurationMinutes: segment.adjustedDurationMinutes,
      heldSeconds: segment.heldSeconds,
    };
    if (
      old &&
      Object.entries(fields).every(([key, value]) => sameValue(old[key as keyof typeof fields], value))
    )
      continue;
    await tx.liveShowSegment.upsert({
      where: { segmentId: segment.id },
      create: { segmentId: segment.id, ...fields },
      update: fields,
    });
  }
}

const sameValue = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/** Who moved the show on, and where to: the audit log keeps the phase, the segment and the clock. */
function auditRecord(show: StoredShow, segments: StoredSegment[]) {
  const current = segments.find((segment) => segment.id === show.currentSegmentId);
  return {
    version: show.version,
    phase: show.phase,
    currentSegmentId: show.currentSegmentId,
    currentSegment: current?.title.de ?? null,
    heldSince: show.heldSince,
    durations: Object.fromEntries(
      segments
        .filter((segment) => segment.adjustedDurationMinutes !== null)
        .map((segment) => [segment.id, segment.adjustedDurationMinutes]),
    ),
  };
}

function parseCommand(input: unknown): ShowCommand {
  const parsed = showCommandInput.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new AppError("malformed", `The command does not fit: ${z.prettifyError(parsed.error)}`);
}

const lateNoticeInput = z.coerce.number().int().min(1).max(120);

/**
 * The drift past which the public is told that the ceremony runs late. Not a command of the show: it
 * changes no version, but open streams take it at once.
 */
export async function saveLateNotice(actor: Actor | null, ref: CeremonyRef, minutes: unknown): Promise<void> {
  authorize(actor, "editProgram");
  const parsed = lateNoticeInput.safeParse(minutes);
  if (!parsed.success) throw invalid({ lateNoticeMinutes: { key: "number" } });
  await db.$transaction(async (tx) => {
    if (!(await lockShow(tx, ref))) throw notFound("Ceremony");
    const before = await tx.liveShow.findUniqueOrThrow({ where: { sessionId: ref.sessionId } });
    if (before.lateNoticeMinutes === parsed.data) return;
    await tx.liveShow.update({
      where: { sessionId: ref.sessionId },
      data: { lateNoticeMinutes: parsed.data },
    });
    const session = await tx.session.findUniqueOrThrow({
      where: { id: ref.sessionId },
      select: { meetingId: true },
    });
    await recordAudit(tx, actor, {
      action: "liveShow.lateNotice",
      entity: "Session",
      entityId: ref.sessionId,
      meetingId: session.meetingId,
      before: { lateNoticeMinutes: before.lateNoticeMinutes },
      after: { lateNoticeMinutes: parsed.data },
    });
    await announce(tx, ref.sessionId, String(before.version));
  });
}

/** What the ceremony page shows of the show: its phase and the public notice's threshold. */
export async function showSettings(
  actor: Actor | null,
  ref: CeremonyRef,
): Promise<{ phase: StoredShow["phase"]; lateNoticeMinutes: number }> {
  authorize(actor, "editProgram");
  const row = await db.liveShow.findUnique({
    where: { sessionId: ref.sessionId },
    select: { phase: true, lateNoticeMinutes: true },
  });
  return row ?? { phase: "ready", lateNoticeMinutes: DEFAULT_LATE_NOTICE_MINUTES };
}

/** Runs an operator's command and answers with the show as it stands after it. */
export async function runShowCommand(
  actor: Actor | null,
  ref: CeremonyRef,
  input: unknown,
  locale: AppLocale,
): Promise<CommandAnswer> {
  authorize(actor, "editProgram");
  const command = parseCommand(input);
  const outcome = await db.$transaction(async (tx) => {
    const locked = await lockShow(tx, ref);
    if (!locked) throw notFound("Ceremony");
    return applyCommand(tx, actor, ref.sessionId, locked.version, command);
  });
  const show = crewView(await readShowSnapshot(ref.sessionId), locale);
  if (outcome.status === 200) return { status: 200, body: { show } };
  return {
    status: 409,
    body: { error: { code: outcome.code, message: refusalMessage(outcome.code, show, locale) }, show },
  };
}

/** Why a command was refused, in the operator's language; "moved" names where the show is now. */
export function refusalMessage(code: ShowRefusal, show: CrewShow, locale: AppLocale): string {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "adminLive.refusal" });
  if (code !== "moved") return t(code);
  const current = show.segments.find((segment) => segment.position === show.currentPosition);
  if (current) return t("moved", { segment: pick(current.title, locale) });
  return t(show.phase === "ended" ? "movedToEnd" : "movedToReady");
}
