import "server-only";
import { NOTICE_QUIET_MINUTES, tellsDelegates } from "@/app/_lib/agenda/change-notice";
import { translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import { Prisma } from "../../../generated/prisma/client";
import { queueEmails, type NewEmail } from "../../../mail/outbox";
import { waitlistPlaces } from "../../seats";
import { registrationSelect, registrationViewOf } from "../../view";
import { noticeSubject } from "./compose";
import { noticeDraftOf, readNoticeDraft, type NoticeSessionState } from "./draft";
import { SESSION_NOTICE_KIND } from "./kind";

/**
 * Change notices in the outbox (README "Change notices"): one email per delegate of a session whose time,
 * room or status changed, queued in the change's transaction to leave NOTICE_QUIET_MINUTES later. A
 * further change within that time goes into the email still waiting (its first old state kept, the new
 * one replaced, the wait started again), and a change undone takes the email back out. An email that
 * delivery has tried already, or holds right now, is left as it is: whoever changes the session next
 * gets a notice of their own, and nothing is sent twice.
 */

type Tx = Prisma.TransactionClient;

/** Who is told: pending and confirmed registrations with a seat or a waiting place in the session. */
const toldStatuses: ("pending" | "confirmed")[] = ["pending", "confirmed"];

/** How many delegates a change of the session would tell, as the editor shows before saving. */
export function sessionNoticeAudience(client: Pick<Tx, "sessionSeat">, sessionId: string): Promise<number> {
  return client.sessionSeat.count({ where: { sessionId, registration: { status: { in: toldStatuses } } } });
}

type SessionState = Pick<NoticeSessionState, "roomId" | "status"> & { startsAt: Date; endsAt: Date };

export type SessionStateChange = {
  sessionId: string;
  before: SessionState;
  after: SessionState;
  /** The organizer chose not to tell of this change: no new notices (those still waiting are brought up to date). */
  withhold: boolean;
};

/** `told`: notices waiting after the change; `withheld`: delegates not told of it, as the organizer chose. */
export type NoticeOutcome = { told: number; withheld: number };

type PendingNotice = { id: string; registrationId: string; draft: unknown };

/**
 * A notice no delivery holds: never claimed, or claimed by a sender whose lease ran out (it stopped
 * before trying, as `attempts` = 0 says), which delivery would claim again, as mail/claim.ts does.
 */
const notLeased = Prisma.sql`("lockedUntil" IS NULL OR "lockedUntil" < now())`;

export async function queueSessionNotices(tx: Tx, change: SessionStateChange): Promise<NoticeOutcome> {
  const { sessionId } = change;
  const pending = await tx.$queryRaw<PendingNotice[]>`
    SELECT "id", "registrationId", "draft" FROM "OutboxEmail"
    WHERE "kind" = ${SESSION_NOTICE_KIND} AND "status" = 'queued' AND "attempts" = 0
      AND ${notLeased} AND "draft"->>'sessionId' = ${sessionId}
    FOR UPDATE`;
  const worthy = tellsDelegates(change.before, change.after);
  if (pending.length === 0 && !worthy) return { told: 0, withheld: 0 };
  if (pending.length === 0 && change.withhold)
    return { told: 0, withheld: await sessionNoticeAudience(tx, sessionId) };

  const rows = await tx.registration.findMany({
    where: { status: { in: toldStatuses }, seats: { some: { sessionId } } },
    select: registrationSelect,
    orderBy: { id: "asc" },
  });
  const waiting = rows.filter((row) => row.seats.some((seat) => seat.status === "waitlisted"));
  const places = await waitlistPlaces(
    tx,
    waiting.map((row) => row.id),
  );
  const rooms = await roomNames(tx, [change.before.roomId, change.after.roomId]);
  const state = (of: SessionState): NoticeSessionState => ({
    startsAt: of.startsAt.toISOString(),
    endsAt: of.endsAt.toISOString(),
    roomId: of.roomId,
    room: of.roomId ? (rooms.get(of.roomId) ?? null) : null,
    status: of.status,
  });
  const after = state(change.after);
  const notBefore = new Date(Date.now() + NOTICE_QUIET_MINUTES * 60_000);
  const waitingNotices = new Map(pending.map((row) => [row.registrationId, row]));
  const fresh: NewEmail[] = [];
  const outcome: NoticeOutcome = { told: 0, withheld: 0 };
  for (const row of rows) {
    const notice = waitingNotices.get(row.id);
    waitingNotices.delete(row.id);
    if (!notice && !worthy) continue;
    if (!notice && change.withhold) {
      outcome.withheld += 1;
      continue;
    }
    const before = notice ? readNoticeDraft(notice.draft).before : state(change.before);
    if (!tellsDelegates(before, after)) {
      // Undone within the wait: the delegate has nothing to learn.
      if (notice) await tx.outboxEmail.delete({ where: { id: notice.id } });
      continue;
    }
    const view = registrationViewOf(row, places);
    const draft = noticeDraftOf(sessionId, before, after, view);
    const subject = noticeSubject(draft);
    outcome.told += 1;
    if (notice)
      await tx.outboxEmail.update({
        where: { id: notice.id },
        data: { draft, subject, toAddress: view.email, nextAttemptAt: notBefore },
      });
    else
      fresh.push({
        registrationId: row.id,
        kind: SESSION_NOTICE_KIND,
        to: view.email,
        subject,
        draft,
        withManageLink: true,
        notBefore,
      });
  }
  // Waiting notices of delegates who hold no place in the session any more: nothing is left to tell them.
  const stale = [...waitingNotices.values()].map((notice) => notice.id);
  if (stale.length) await tx.outboxEmail.deleteMany({ where: { id: { in: stale } } });
  if (fresh.length) await queueEmails(tx, fresh);
  return outcome;
}

/**
 * A delegate gave up their seat or waiting place in the session: a notice of its change still waiting
 * has nobody to tell any more. One that delivery has tried or holds is left to it.
 */
export async function dropWaitingNotice(tx: Tx, registrationId: string, sessionId: string): Promise<void> {
  await tx.$executeRaw`
    DELETE FROM "OutboxEmail"
    WHERE "registrationId" = ${registrationId} AND "kind" = ${SESSION_NOTICE_KIND} AND "status" = 'queued'
      AND "attempts" = 0 AND ${notLeased} AND "draft"->>'sessionId' = ${sessionId}`;
}

async function roomNames(tx: Tx, ids: (string | null)[]): Promise<Map<string, Translations>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rooms = await tx.room.findMany({
    where: { id: { in: wanted } },
    select: { id: true, nameDe: true, nameEn: true, nameZh: true },
  });
  return new Map(rooms.map((room) => [room.id, translationsOf(room, "name")]));
}
