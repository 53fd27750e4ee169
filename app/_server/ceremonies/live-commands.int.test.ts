/**
 * The operators' commands against the database: idempotent by command id, one step for two operators
 * pressing "next" at once (truly in parallel on PostgreSQL's pool; one after another on PGlite), each
 * accepted command audited, refusals that change nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { showCommandInput } from "@/app/_lib/live-commands";
import type { Actor } from "@/app/_server/authz";
import { db } from "@/app/_server/db";
import { seedDemo } from "@/prisma/seed";
import { createRoleActors, outcome, roleOutcomes } from "@/test/integration/actors";
import { range } from "@/test/integration/factories";
import { command, liveCeremony } from "@/test/integration/live";
import { getCeremonyProgramme } from "./admin-queries";
import { applyCommand, runShowCommand, saveLateNotice, showSettings } from "./live-commands";
import { runOfShowFeed } from "./run-of-show-feed";

const onPostgres = inject("dbTier") === "postgres";

let actors: Record<"checkin" | "organizer" | "admin", Actor>;

beforeAll(async () => {
  await seedDemo(db);
  actors = await createRoleActors();
});

const run = (
  ref: { meetingSlug: string; sessionId: string },
  input: unknown,
  locale: "de" | "en" | "zh" = "en",
) => runShowCommand(actors.organizer, ref, input, locale);

describe("the show's commands", () => {
  it("start, next, hold, resume, adjust, back: each accepted, versioned, with the segment's actual times", async () => {
    // Due now: a show started half a day or more from its planned time is a rehearsal.
    const startsAt = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const { ref, segmentIds } = await liveCeremony([5, 10, 15], "published", startsAt);
    const started = await run(ref, command("start", 0));
    expect(started.status).toBe(200);
    expect(started.body.show).toMatchObject({
      version: 1,
      phase: "running",
      currentPosition: 0,
      rehearsal: false,
    });
    expect(started.body.show.segments[0]!.actualStartedAt).not.toBeNull();
    expect(started.body.show.segments[0]!.internalNotes).toBe("Hinweis 1");
    expect(started.body.show.sessionTitle.zh).toBe("直播仪式");

    expect((await run(ref, command("next", 1))).body.show).toMatchObject({ version: 2, currentPosition: 1 });
    expect((await run(ref, command("hold", 2))).body.show).toMatchObject({ phase: "held" });
    expect((await run(ref, command("resume", 3))).body.show).toMatchObject({
      phase: "running",
      heldSince: null,
    });
    const adjusted = await run(ref, command("adjust", 4, { segmentId: segmentIds[2], durationMinutes: 7 }));
    expect(adjusted.body.show.segments[2]!.durationMinutes).toBe(7);
    expect(adjusted.body.show.segments[2]!.plannedEndsAt).toBe(
      new Date(startsAt.getTime() + 30 * 60_000).toISOString(),
    );
    const back = await run(ref, command("back", 5));
    expect(back.body.show).toMatchObject({ version: 6, currentPosition: 0 });
    expect(back.body.show.segments[0]!.actualEndedAt).toBeNull();
    expect(back.body.show.segments[1]!.actualStartedAt).toBeNull();

    const stored = await db.liveShow.findUniqueOrThrow({ where: { sessionId: ref.sessionId } });
    expect(stored).toMatchObject({ version: 6, phase: "running", currentSegmentId: segmentIds[0] });
    expect(
      await db.liveShowSegment.findUniqueOrThrow({ where: { segmentId: segmentIds[2]! } }),
    ).toMatchObject({
      adjustedDurationMinutes: 7,
    });
  });

  it("a run far from the planned day is a rehearsal; reset forgets it, audited, and the ceremony starts afresh", async () => {
    const { ref } = await liveCeremony([5, 5]);
    const rehearsed = await run(ref, command("start", 0));
    expect(rehearsed.body.show).toMatchObject({ phase: "running", rehearsal: true, driftSeconds: 0 });
    await run(ref, command("next", 1));
    const reset = await run(ref, command("reset", 2));
    expect(reset.status).toBe(200);
    expect(reset.body.show).toMatchObject({
      version: 3,
      phase: "ready",
      currentPosition: null,
      startedAt: null,
    });
    expect(reset.body.show.segments.map((segment) => segment.actualStartedAt)).toEqual([null, null]);
    expect(await db.auditEntry.count({ where: { entityId: ref.sessionId, action: "liveShow.reset" } })).toBe(
      1,
    );
    const again = await run(ref, command("reset", 3));
    expect([again.status, "error" in again.body && again.body.error.code]).toEqual([409, "not_started"]);
    expect((await run(ref, command("start", 3))).body.show).toMatchObject({ version: 4, phase: "running" });
  });

  it("next on the last segment ends the show; the actual times stay", async () => {
    const { ref } = await liveCeremony([1, 1]);
    await run(ref, command("start", 0));
    await run(ref, command("next", 1));
    const ended = await run(ref, command("next", 2));
    expect(ended.body.show).toMatchObject({ phase: "ended", currentPosition: null, version: 3 });
    expect(ended.body.show.endedAt).not.toBeNull();
    expect(ended.body.show.segments.every((segment) => segment.actualEndedAt !== null)).toBe(true);
  });

  it("the same command id again answers as the first time and moves nothing", async () => {
    const { ref } = await liveCeremony([5, 5, 5]);
    await run(ref, command("start", 0));
    const next = command("next", 1);
    const first = await run(ref, next);
    const again = await run(ref, next);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body.show).toMatchObject({ version: 2, currentPosition: 1 });
    // A refusal is remembered too.
    const stale = command("next", 1);
    expect((await run(ref, stale)).status).toBe(409);
    expect((await run(ref, stale)).body).toMatchObject({ error: { code: "moved" } });
    expect(await db.liveShow.findUniqueOrThrow({ where: { sessionId: ref.sessionId } })).toMatchObject({
      version: 2,
    });
    // The id of another command is not taken for this one.
    expect(await outcome(run(ref, { ...next, action: "back" }))).toBe("idempotency_conflict");
  });

  it("two operators pressing next at once: one step, the other told where the show is, in their language", async () => {
    const { ref } = await liveCeremony([5, 5, 5, 5]);
    await run(ref, command("start", 0));
    const answers = await Promise.all(
      range(8).map((index) => run(ref, command("next", 1), index % 2 ? "zh" : "de")),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    const refused = answers.filter((answer) => answer.status === 409);
    expect(refused).toHaveLength(7);
    for (const answer of refused) expect(answer.body).toMatchObject({ error: { code: "moved" } });
    const messages = new Set(
      refused.map((answer) => ("error" in answer.body ? answer.body.error.message : "")),
    );
    expect(messages).toEqual(
      new Set([
        "Jemand anderes hat die Zeremonie inzwischen weitergeschaltet. Jetzt: „Teil 2“. Nichts wurde geändert; drücken Sie erneut, wenn Sie es weiterhin wollen.",
        "其他人刚刚已切换了仪式进程。当前环节：“第2部分”。未做任何更改；如仍需操作，请再按一次。",
      ]),
    );
    expect(await db.liveShow.findUniqueOrThrow({ where: { sessionId: ref.sessionId } })).toMatchObject({
      version: 2,
    });
    expect(await db.auditEntry.count({ where: { entityId: ref.sessionId, action: "liveShow.next" } })).toBe(
      1,
    );
  });

  it.runIf(onPostgres)("control: the same harness catches the race when the row is not locked", async () => {
    const { ref } = await liveCeremony([5, 5, 5, 5]);
    await run(ref, command("start", 0));
    // The naive way: read the version without FOR UPDATE, then apply.
    const unlocked = () =>
      db.$transaction(async (tx) => {
        const { version } = await tx.liveShow.findUniqueOrThrow({ where: { sessionId: ref.sessionId } });
        await new Promise((resolve) => setTimeout(resolve, 20));
        return applyCommand(
          tx,
          actors.organizer,
          ref.sessionId,
          version,
          showCommandInput.parse(command("next", 1)),
        );
      });
    const outcomes = await Promise.all(range(4).map(unlocked));
    expect(outcomes.filter((result) => result.status === 200).length).toBeGreaterThan(1);
  });

  it("bad input: a clear answer, nothing changed", async () => {
    const { ref, segmentIds } = await liveCeremony([5, 5]);
    const codeOf = async (input: unknown) => {
      const answer = await run(ref, input);
      return answer.status === 409 && "error" in answer.body ? answer.body.error.code : answer.status;
    };
    expect(await codeOf(command("next", 0))).toBe("not_started");
    expect(await codeOf(command("back", 0))).toBe("not_started");
    expect(await codeOf(command("start", 0))).toBe(200);
    expect(await codeOf(command("start", 1))).toBe("already_started");
    expect(await codeOf(command("back", 1))).toBe("before_first");
    expect(await codeOf(command("resume", 1))).toBe("not_held");
    expect(await codeOf(command("next", 1))).toBe(200);
    expect(await codeOf(command("adjust", 2, { segmentId: segmentIds[0], durationMinutes: 3 }))).toBe(
      "segment_done",
    );
    expect(
      await codeOf(command("adjust", 2, { segmentId: "cl0000000000000000000000", durationMinutes: 3 })),
    ).toBe("unknown_segment");
    expect(await codeOf(command("next", 2))).toBe(200);
    expect(await codeOf(command("next", 3))).toBe("after_last");
    expect(await codeOf(command("hold", 3))).toBe("ended");
    expect(await db.liveShow.findUniqueOrThrow({ where: { sessionId: ref.sessionId } })).toMatchObject({
      version: 3,
      phase: "ended",
    });
    expect(await outcome(run(ref, { action: "next" }))).toBe("malformed");
    expect(await outcome(run(ref, { ...command("adjust", 3), segmentId: segmentIds[1] }))).toBe("malformed");
    // Not a ceremony, or not this meeting's.
    const talk = await db.session.findFirstOrThrow({
      where: { kind: { not: "ceremony" } },
      select: { id: true },
    });
    expect(await outcome(run({ meetingSlug: "2017", sessionId: talk.id }, command("start", 0)))).toBe(
      "not_found",
    );
    expect(await outcome(run({ meetingSlug: "1999", sessionId: ref.sessionId }, command("start", 0)))).toBe(
      "not_found",
    );
  });

  it("only those who may edit the program run the show", async () => {
    const { ref } = await liveCeremony([5]);
    expect(
      await roleOutcomes(actors, async (actor) => {
        const answer = await runShowCommand(actor, ref, command("hold", 99), "en");
        return answer.status;
      }),
    ).toEqual(["unauthenticated", "forbidden", "ok", "ok"]);
  });

  it("the audit log records who moved the show on, when, and where to", async () => {
    const { ref, segmentIds } = await liveCeremony([5, 5]);
    await run(ref, command("start", 0));
    await runShowCommand(actors.admin, ref, command("next", 1), "en");
    const entries = await db.auditEntry.findMany({
      where: { entity: "Session", entityId: ref.sessionId },
      orderBy: { at: "asc" },
    });
    expect(entries.map((entry) => [entry.action, entry.actorEmail])).toEqual([
      ["liveShow.start", actors.organizer.email],
      ["liveShow.next", actors.admin.email],
    ]);
    expect(entries[1]!.after).toMatchObject({
      version: 2,
      phase: "running",
      currentSegmentId: segmentIds[1],
    });
    expect(entries[1]!.before).toMatchObject({ version: 1, currentSegmentId: segmentIds[0] });
  });
});

describe("after the show", () => {
  it("the programme and the run-of-show feed show planned against actual", async () => {
    const { ref } = await liveCeremony([5, 10]);
    expect(
      (await getCeremonyProgramme(actors.organizer, "2017", ref.sessionId)).runOfShow.segments.map(
        (segment) => [segment.actualStartedAt, segment.actualEndedAt],
      ),
    ).toEqual([
      [null, null],
      [null, null],
    ]);
    await run(ref, command("start", 0));
    await run(ref, command("next", 1));
    await run(ref, command("next", 2));
    // Put the actual times where a ceremony on the day would have them: 13:02–13:08, 13:08–13:17 UTC.
    const [first, second] = (await getCeremonyProgramme(actors.organizer, "2017", ref.sessionId)).runOfShow
      .segments;
    const times = [
      [first!.id, "13:02", "13:08"],
      [second!.id, "13:08", "13:17"],
    ] as const;
    for (const [segmentId, from, to] of times)
      await db.liveShowSegment.update({
        where: { segmentId },
        data: {
          actualStartedAt: new Date(`2017-04-24T${from}:00Z`),
          actualEndedAt: new Date(`2017-04-24T${to}:00Z`),
        },
      });
    const after = (await getCeremonyProgramme(actors.organizer, "2017", ref.sessionId)).runOfShow.segments;
    expect(
      after.map((segment) => [segment.startsAt, segment.actualStartedAt, segment.actualEndedAt]),
    ).toEqual([
      ["2017-04-24T13:00:00.000Z", "2017-04-24T13:02:00.000Z", "2017-04-24T13:08:00.000Z"],
      ["2017-04-24T13:05:00.000Z", "2017-04-24T13:08:00.000Z", "2017-04-24T13:17:00.000Z"],
    ]);
    const text = async (lang: string) =>
      new TextDecoder()
        .decode((await runOfShowFeed(actors.organizer, "2017", ref.sessionId, lang)).bytes)
        .replace(/\r\n /g, "");
    const feed = await text("en");
    expect(feed).toContain("Actual: 15:02–15:08 (2 min late)");
    expect(feed).toContain("Actual: 15:08–15:17 (3 min late)");
    const german = await text("de");
    expect(german).toContain("Tatsächlich: 15:02–15:08 (2 Min. später)");
  });
});

describe("the public notice of a delay", () => {
  it("is saved, audited and checked; the show's version stays", async () => {
    const { ref } = await liveCeremony([5]);
    expect(await showSettings(actors.organizer, ref)).toEqual({ phase: "ready", lateNoticeMinutes: 5 });
    await saveLateNotice(actors.organizer, ref, "8");
    expect(await showSettings(actors.organizer, ref)).toEqual({ phase: "ready", lateNoticeMinutes: 8 });
    expect(await outcome(saveLateNotice(actors.organizer, ref, "0"))).toBe("invalid");
    expect(await outcome(saveLateNotice(actors.organizer, ref, "soon"))).toBe("invalid");
    expect(await outcome(saveLateNotice(actors.checkin, ref, "3"))).toBe("forbidden");
    const entries = await db.auditEntry.findMany({
      where: { entityId: ref.sessionId, action: "liveShow.lateNotice" },
    });
    expect(entries.map((entry) => [entry.before, entry.after])).toEqual([
      [{ lateNoticeMinutes: 5 }, { lateNoticeMinutes: 8 }],
    ]);
    expect((await db.liveShow.findUniqueOrThrow({ where: { sessionId: ref.sessionId } })).version).toBe(0);
  });
});
