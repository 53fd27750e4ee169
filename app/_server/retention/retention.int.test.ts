import { randomUUID } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { personalFeed } from "@/app/_server/self-service/personal-feed";
import { checkIn } from "@/app/_server/check-in/mutations";
import { configuredTarget } from "@/app/_server/database/target";
import { db } from "@/app/_server/db";
import { meetingNumbers } from "@/app/_server/numbers/queries";
import { rotateCalendarToken } from "@/app/_server/self-service/calendar-link";
import { editRegistration } from "@/app/_server/desk/desk-mutations";
import { cancelRegistration } from "@/app/_server/self-service/manage";
import { getManagedRegistration } from "@/app/_server/self-service/queries";
import { manageTokenOf, register } from "@/app/_server/registration/register";
import { reviewRegistration } from "@/app/_server/desk/review";
import { createActor, outcome } from "@/test/integration/actors";
import { createMeetingRow, delegate } from "@/test/integration/factories";
import type { Actor } from "@/app/_server/authz";
import { retentionDue } from "./due-date";
import { RETENTION_LOCK_KEY } from "./run-lock";
import { runRetention, summaryLine } from "./run";

/**
 * Two meetings: "old" ends on 10 March 2030 in Berlin, "recent" on 10 June 2030 in Shanghai. With 90
 * days, "old" is due from 8 June 2030, 00:00 Berlin (7 June, 22:00 UTC); "recent" from 8 September.
 */
const DAYS = 90;
const suffix = randomUUID().slice(0, 6);
const OLD = `old-${suffix}`;
const RECENT = `recent-${suffix}`;
const oldDue = retentionDue(
  { endsOn: new Date("2030-03-10T00:00:00Z"), timeZone: "Europe/Berlin" },
  DAYS,
).from;
const NOW = new Date(oldDue.getTime() + 60 * 60_000);

let organizer: Actor;
/** Distinct words in the old meeting's personal data: none may be left anywhere after the run. */
const secrets = [
  `Quintus${suffix}`,
  `Xiaoyu${suffix}`,
  `Orgname${suffix}`,
  `+49 30 ${suffix}`,
  `Nuts${suffix}`,
  `Rampe${suffix}`,
  `Sorry ${suffix}`,
];
const old = {
  manageTokens: [] as string[],
  calendarToken: "",
  ids: [] as string[],
  emails: [] as string[],
  sessionId: "",
};
let recentId: string;

async function meeting(
  slug: string,
  endsOn: string,
  timeZone: string,
): Promise<{ id: string; sessionId: string }> {
  const day = new Date(`${endsOn}T00:00:00Z`);
  const row = await createMeetingRow({ slug, timeZone, startsOn: day, endsOn: day });
  const startsAt = new Date(`${endsOn}T08:00:00Z`);
  const session = await db.session.create({
    data: {
      meetingId: row.id,
      slug: "workshop",
      kind: "workshop",
      status: "published",
      titleDe: "Workshop",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      capacity: 1,
      languages: ["de"],
    },
  });
  return { id: row.id, sessionId: session.id };
}

beforeAll(async () => {
  organizer = await createActor("organizer");
  const oldMeeting = await meeting(OLD, "2030-03-10", "Europe/Berlin");
  const recentMeeting = await meeting(RECENT, "2030-06-10", "Asia/Shanghai");
  await db.meeting.update({ where: { id: oldMeeting.id }, data: { requiresApproval: true } });

  // Old meeting: one confirmed with a seat, a calendar link, an idempotency key, an organizer's edit and a
  // check-in; one on the waiting list, rejected with a message; one cancelled by themselves.
  const seated = await register(
    OLD,
    delegate({
      givenName: secrets[0]!,
      nativeName: secrets[1]!,
      organization: secrets[2]!,
      phone: secrets[3]!,
      dietaryNeeds: secrets[4]!,
      accessibilityNeeds: secrets[5]!,
      visaLetter: true,
      sessionIds: [oldMeeting.sessionId],
    }),
    { locale: "de", idempotencyKey: `key-${suffix}` },
  );
  const waiting = await register(OLD, delegate({ sessionIds: [oldMeeting.sessionId] }), { locale: "en" });
  const leaving = await register(OLD, delegate(), { locale: "zh" });
  await reviewRegistration(organizer, oldMeeting.id, seated.id, "approved", null);
  // The desk's edit puts the details before and after into the audit log.
  const { email } = await db.registration.findUniqueOrThrow({
    where: { id: seated.id },
    select: { email: true },
  });
  const {
    sessionIds: _sessions,
    privacyConsent: _consent,
    ...details
  } = delegate({ givenName: secrets[0]!, familyName: `Edited${suffix}`, organization: secrets[2]!, email });
  await editRegistration(organizer, oldMeeting.id, seated.id, details, "de");
  await reviewRegistration(organizer, oldMeeting.id, waiting.id, "rejected", secrets[6]!);
  await cancelRegistration(manageTokenOf(leaving));
  old.calendarToken = await rotateCalendarToken(manageTokenOf(seated));
  await checkIn(await createActor("checkin"), oldMeeting.id, seated.id);
  old.manageTokens = [seated, waiting, leaving].map(manageTokenOf);
  old.ids = [seated.id, waiting.id, leaving.id];
  old.sessionId = oldMeeting.sessionId;
  old.emails = (
    await db.registration.findMany({ where: { id: { in: old.ids } }, select: { email: true } })
  ).map((row) => row.email);

  const recent = await register(
    RECENT,
    delegate({ givenName: `Recent${suffix}`, sessionIds: [recentMeeting.sessionId] }),
    { locale: "de", idempotencyKey: `key2-${suffix}` },
  );
  recentId = recent.id;
});

/** Everything stored, as text: what the run changed shows in a comparison, personal data in a search. */
async function everything(): Promise<string> {
  const [registrations, seats, checkIns, tokens, emails, keys, audit] = await Promise.all([
    db.registration.findMany({ orderBy: { id: "asc" } }),
    db.sessionSeat.findMany({ orderBy: [{ registrationId: "asc" }, { sessionId: "asc" }] }),
    db.checkIn.findMany({ orderBy: { registrationId: "asc" } }),
    db.accessToken.findMany({ orderBy: { hash: "asc" } }),
    db.outboxEmail.findMany({ orderBy: { id: "asc" } }),
    db.idempotencyKey.findMany({ orderBy: { id: "asc" }, select: { id: true, registrationId: true } }),
    db.auditEntry.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ registrations, seats, checkIns, tokens, emails, keys, audit });
}

/** The dashboard without the email counts (the emails go; see anonymize.ts). */
async function statistics(slug: string) {
  const { emails: _emails, ...numbers } = await meetingNumbers(organizer, slug);
  return numbers;
}

const EXPECTED = { registrations: 3, emails: 0, links: 4, idempotencyKeys: 1, auditEntries: 2 };

describe("the retention run", () => {
  it("waits until midnight of the due day in the meeting's own time zone", async () => {
    const before = await everything();
    const run = await runRetention({
      now: new Date(oldDue.getTime() - 1),
      retentionDays: DAYS,
      dryRun: false,
    });
    expect(run).toMatchObject({ outcome: "done" });
    const mine =
      run.outcome === "done" ? run.meetings.filter((m) => m.slug === OLD || m.slug === RECENT) : [];
    expect(mine).toEqual([
      { slug: OLD, dueDay: "2030-06-08", counts: null },
      { slug: RECENT, dueDay: "2030-09-08", counts: null },
    ]);
    expect(await everything()).toBe(before);
  });

  it("dry run: reports what it would do and changes nothing; the real run does exactly that to the old meeting only", async () => {
    const emailsBefore = await db.outboxEmail.count({ where: { registrationId: { in: old.ids } } });
    // Four entries: the approval (no message) and the check-in (time and staff) hold nothing personal; the
    // edit and the rejection's message do.
    expect(await db.auditEntry.count({ where: { entity: "Registration", entityId: { in: old.ids } } })).toBe(
      4,
    );
    const expected = { ...EXPECTED, emails: emailsBefore };
    expect(emailsBefore).toBeGreaterThanOrEqual(6);
    const before = await everything();
    const numbersBefore = await statistics(OLD);
    const recentBefore = JSON.stringify(await db.registration.findUniqueOrThrow({ where: { id: recentId } }));

    const dry = await runRetention({ now: NOW, retentionDays: DAYS, dryRun: true });
    expect(await everything()).toBe(before);
    const dryMeetings =
      dry.outcome === "done" ? dry.meetings.filter((m) => m.slug === OLD || m.slug === RECENT) : [];
    expect(dryMeetings).toEqual([
      { slug: OLD, dueDay: "2030-06-08", counts: expected },
      { slug: RECENT, dueDay: "2030-09-08", counts: null },
    ]);
    const line = summaryLine(dryMeetings[0]!, true);
    expect(line).toBe(
      `${OLD}: would anonymize 3 registration(s); would delete ${expected.emails} email(s), 4 link(s), 1 idempotency key(s); would scrub 2 audit entries (due 2030-06-08)`,
    );

    const real = await runRetention({ now: NOW, retentionDays: DAYS, dryRun: false });
    expect(real.outcome === "done" && real.meetings.find((m) => m.slug === OLD)).toEqual({
      slug: OLD,
      dueDay: "2030-06-08",
      counts: expected,
    });

    // Nothing personal of the old meeting is left anywhere.
    const after = await everything();
    for (const text of [...secrets, ...old.emails, `Edited${suffix}`]) expect(after).not.toContain(text);
    const rows = await db.registration.findMany({
      where: { id: { in: old.ids } },
      orderBy: { createdAt: "asc" },
    });
    for (const row of rows) {
      expect(row).toMatchObject({
        givenName: "",
        familyName: "",
        email: "",
        nativeName: null,
        organization: null,
        phone: null,
        activeEmail: null,
        cityOther: null,
        dietaryNeeds: null,
        accessibilityNeeds: null,
        visaLetter: false,
        anonymizedAt: NOW,
      });
    }
    expect(rows.map((row) => [row.status, row.role])).toEqual([
      ["confirmed", "delegate"],
      ["rejected", "delegate"],
      ["cancelled", "delegate"],
    ]);
    for (const count of await Promise.all([
      db.outboxEmail.count({ where: { registrationId: { in: old.ids } } }),
      db.accessToken.count({ where: { registrationId: { in: old.ids } } }),
      db.idempotencyKey.count({ where: { registrationId: { in: old.ids } } }),
    ]))
      expect(count).toBe(0);
    for (const token of old.manageTokens)
      expect(await outcome(getManagedRegistration(token))).toBe("not_found");
    expect(await personalFeed(old.calendarToken, null)).toBeNull();
    // The audit log keeps what happened: the rejection, without its message.
    const rejection = await db.auditEntry.findFirstOrThrow({
      where: { entityId: old.ids[1], action: "registration.reject" },
    });
    expect(rejection.after).toEqual({
      status: "rejected",
      message: null,
      releasedSessionIds: [old.sessionId],
    });

    // The numbers stay; the recent meeting is untouched.
    expect(await statistics(OLD)).toEqual(numbersBefore);
    expect(JSON.stringify(await db.registration.findUniqueOrThrow({ where: { id: recentId } }))).toBe(
      recentBefore,
    );
    expect(await db.idempotencyKey.count({ where: { registrationId: recentId } })).toBe(1);

    // A second run finds nothing to do.
    const again = await runRetention({
      now: new Date(NOW.getTime() + 86_400_000),
      retentionDays: DAYS,
      dryRun: false,
    });
    const oldAgain = again.outcome === "done" ? again.meetings.find((m) => m.slug === OLD)! : null;
    expect(oldAgain?.counts).toEqual({
      registrations: 0,
      emails: 0,
      links: 0,
      idempotencyKeys: 0,
      auditEntries: 0,
    });
    expect(summaryLine(oldAgain!, false)).toBe(`${OLD}: anonymized since 2030-06-08, nothing left to do`);
    expect(await everything()).toBe(after);
  });

  it("lets one run work at a time: a second one at the same moment says so and does nothing", async () => {
    const [first, second] = await Promise.all([
      runRetention({ now: NOW, retentionDays: DAYS, dryRun: true }),
      runRetention({ now: NOW, retentionDays: DAYS, dryRun: true }),
    ]);
    expect([first.outcome, second.outcome]).toEqual(["done", "busy"]);
  });

  it("on PostgreSQL, a run of another process holding the advisory lock keeps this one out", async () => {
    const target = configuredTarget();
    if (target.kind !== "postgres") return; // the embedded database has one process only (run-lock.ts)
    const other = new pg.Client({ connectionString: target.url });
    await other.connect();
    try {
      await other.query("SELECT pg_advisory_lock($1)", [RETENTION_LOCK_KEY]);
      expect(await runRetention({ now: NOW, retentionDays: DAYS, dryRun: false })).toEqual({
        outcome: "busy",
      });
      await other.query("SELECT pg_advisory_unlock($1)", [RETENTION_LOCK_KEY]);
      expect((await runRetention({ now: NOW, retentionDays: DAYS, dryRun: false })).outcome).toBe("done");
    } finally {
      await other.end();
    }
  });
});
