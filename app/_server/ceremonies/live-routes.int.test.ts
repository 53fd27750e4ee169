/**
 * The live show's routes as a client sees them: the command route's statuses, the three event streams
 * (first event, a change arriving through the bus, cleanup when the client goes), monitor links.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CrewShow, MonitorShow, PublicLive } from "@/app/_lib/live-show";
import type { Actor } from "@/app/_server/authz";
import { db } from "@/app/_server/db";
import { seedDemo } from "@/prisma/seed";
import { createActor } from "@/test/integration/actors";
import { eventually } from "@/test/integration/eventually";
import { command, liveCeremony, sseReader } from "@/test/integration/live";
import { liveBus } from "../live/bus";
import { watchedShows } from "./live-feed";
import { updateSegment } from "./mutations";
import { createMonitorToken, listMonitorTokens, revokeMonitorToken } from "./monitor-tokens";
import { getCrewShow, getMonitorShow } from "./live-queries";
import { outcome } from "@/test/integration/actors";

const signedIn = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/app/_server/authz", async (original) => ({
  ...(await original<typeof import("@/app/_server/authz")>()),
  currentActor: async () => signedIn.actor,
}));

const adminRoute = await import("@/app/api/admin/meetings/[slug]/sessions/[id]/live/route");
const monitorRoute = await import("@/app/api/live/[token]/route");
const publicRoute = await import("@/app/api/meetings/[slug]/sessions/[id]/live/route");

let organizer: Actor;

beforeAll(async () => {
  await seedDemo(db);
  organizer = await createActor("organizer");
});

const base = "http://localhost:3000";

function post(sessionId: string, body: unknown, lang = "en") {
  const request = new Request(`${base}/api/admin/meetings/2017/sessions/${sessionId}/live?lang=${lang}`, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
  return adminRoute.POST(request, { params: Promise.resolve({ slug: "2017", id: sessionId }) });
}

function crewStream(sessionId: string, signal?: AbortSignal, slug = "2017") {
  const request = new Request(`${base}/api/admin/meetings/${slug}/sessions/${sessionId}/live?lang=zh`, {
    signal,
  });
  return adminRoute.GET(request, { params: Promise.resolve({ slug, id: sessionId }) });
}

function monitorStream(token: string, signal?: AbortSignal) {
  return monitorRoute.GET(new Request(`${base}/api/live/${token}`, { signal }), {
    params: Promise.resolve({ token }),
  });
}

function publicStream(sessionId: string, signal?: AbortSignal) {
  return publicRoute.GET(new Request(`${base}/api/meetings/2017/sessions/${sessionId}/live`, { signal }), {
    params: Promise.resolve({ slug: "2017", id: sessionId }),
  });
}

describe("the command route", () => {
  it("401 without a session, 403 for check-in staff, 404 for a session that is not a ceremony", async () => {
    const { ref } = await liveCeremony([5]);
    signedIn.actor = null;
    expect((await post(ref.sessionId, command("start", 0))).status).toBe(401);
    signedIn.actor = await createActor("checkin");
    expect((await post(ref.sessionId, command("start", 0))).status).toBe(403);
    signedIn.actor = organizer;
    const talk = await db.session.findFirstOrThrow({ where: { kind: "keynote" }, select: { id: true } });
    const notCeremony = await post(talk.id, command("start", 0));
    expect(notCeremony.status).toBe(404);
    expect((await notCeremony.json()).error.code).toBe("not_found");
    expect((await post("no-such-session", command("start", 0))).status).toBe(404);
  });

  it("400 for a body that is not JSON or not a command; 200 and 409 with the show", async () => {
    signedIn.actor = organizer;
    const { ref } = await liveCeremony([5, 5]);
    expect((await post(ref.sessionId, "{not json")).status).toBe(400);
    const malformed = await post(ref.sessionId, { action: "next" });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe("malformed");
    const started = await post(ref.sessionId, command("start", 0));
    expect(started.status).toBe(200);
    expect(started.headers.get("cache-control")).toBe("private, no-store");
    expect(((await started.json()) as { show: CrewShow }).show).toMatchObject({
      version: 1,
      phase: "running",
    });
    const twice = await post(ref.sessionId, command("start", 1), "zh");
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({
      error: { code: "already_started", message: "仪式已经开始。" },
      show: { version: 1, phase: "running" },
    });
  });
});

describe("the streams", () => {
  it("the crew's stream: current state first, then each change, with the headers that keep it flowing", async () => {
    signedIn.actor = organizer;
    const { ref } = await liveCeremony([5, 5]);
    const abort = new AbortController();
    const response = await crewStream(ref.sessionId, abort.signal);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-cache, no-store, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const events = sseReader(response.body!);
    const first = await events.next<CrewShow>();
    expect(first).toMatchObject({ id: "0", event: "show", data: { version: 0, phase: "ready" } });
    expect(first!.data.segments[0]!.internalNotes).toBe("Hinweis 1");

    expect((await post(ref.sessionId, command("start", 0))).status).toBe(200);
    const started = await events.next<CrewShow>();
    expect(started).toMatchObject({ id: "1", data: { version: 1, phase: "running", currentPosition: 0 } });

    // An edit in the ceremony editor reaches the screens too, with the same version.
    await updateSegment(organizer, ref, first!.data.segments[1]!.id, {
      durationMinutes: "5",
      titleDe: "Teil 2 (neu)",
      internalNotes: "Mikrofon 2",
      participantIds: [],
    });
    const edited = await events.next<CrewShow>();
    expect(edited!.data.segments[1]).toMatchObject({
      title: { de: "Teil 2 (neu)" },
      internalNotes: "Mikrofon 2",
    });

    expect(watchedShows().viewers).toBe(1);
    abort.abort();
    await eventually(() => (watchedShows().viewers === 0 ? true : undefined));
    expect(watchedShows()).toEqual({ shows: 0, viewers: 0 });
    expect(liveBus().subscriberCount).toBe(0);
  });

  it("the crew's stream: 401, 403, and 404 for a session that is not a ceremony, as JSON", async () => {
    const { ref } = await liveCeremony([5]);
    signedIn.actor = null;
    expect((await crewStream(ref.sessionId)).status).toBe(401);
    signedIn.actor = await createActor("checkin");
    expect((await crewStream(ref.sessionId)).status).toBe(403);
    signedIn.actor = organizer;
    const talk = await db.session.findFirstOrThrow({ where: { kind: "keynote" }, select: { id: true } });
    const notCeremony = await crewStream(talk.id);
    expect(notCeremony.status).toBe(404);
    expect(notCeremony.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await crewStream(ref.sessionId, undefined, "1999")).status).toBe(404);
    expect(watchedShows().viewers).toBe(0);
  });

  it("many viewers of one show: one read per change, each gets it, and cancelling the body cleans up", async () => {
    signedIn.actor = organizer;
    const { ref } = await liveCeremony([5, 5], "published", new Date());
    const streams = await Promise.all(Array.from({ length: 5 }, () => publicStream(ref.sessionId)));
    const readers = streams.map((response) => sseReader(response.body!));
    for (const reader of readers) expect((await reader.next<PublicLive>())!.data.phase).toBe("ready");
    expect(watchedShows()).toEqual({ shows: 1, viewers: 5 });
    const reads = vi.spyOn(db.session, "findUnique");
    await post(ref.sessionId, command("start", 0));
    for (const reader of readers) {
      const event = await reader.next<PublicLive>();
      expect(event!.data).toEqual({
        sessionId: ref.sessionId,
        version: 1,
        phase: "running",
        segmentTitle: { de: "Teil 1", en: "Part 1", zh: "第1部分" },
        lateMinutes: null,
      });
      expect(JSON.stringify(event!.data)).not.toContain("Hinweis");
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The command's own answer reads the show once; the five viewers share one more read.
    expect(reads.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(reads.mock.calls.length).toBeLessThanOrEqual(3);
    reads.mockRestore();
    await Promise.all(readers.map((reader) => reader.cancel()));
    expect(watchedShows()).toEqual({ shows: 0, viewers: 0 });
  });

  it("the public stream: 404 for a draft or something that is not a ceremony", async () => {
    const { ref } = await liveCeremony([5], "draft");
    expect((await publicStream(ref.sessionId)).status).toBe(404);
    const talk = await db.session.findFirstOrThrow({ where: { kind: "keynote" }, select: { id: true } });
    const answer = await publicStream(talk.id);
    expect(answer.status).toBe(404);
    expect((await answer.json()).error.code).toBe("not_found");
  });
});

describe("monitor links", () => {
  it("made, listed and revoked, audited; a revoked link's stream gets 404 and an open one is closed", async () => {
    signedIn.actor = organizer;
    const { ref } = await liveCeremony([5, 5]);
    const { id, token } = await createMonitorToken(organizer, ref, "Rednerpult");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db.monitorToken.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toHaveLength(64);
    expect(await listMonitorTokens(organizer, ref)).toMatchObject([
      { id, label: "Rednerpult", revokedAt: null },
    ]);

    expect(await getMonitorShow(token)).toMatchObject({ phase: "ready", next: { title: { de: "Teil 1" } } });
    const response = await monitorStream(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    const events = sseReader(response.body!);
    const first = await events.next<MonitorShow>();
    expect(first!.data).toMatchObject({ phase: "ready", current: null, next: { title: { de: "Teil 1" } } });
    expect(first!.data).not.toHaveProperty("segments");
    expect(JSON.stringify(first!.data)).not.toContain("Hinweis");

    await post(ref.sessionId, command("start", 0));
    expect((await events.next<MonitorShow>())!.data).toMatchObject({
      phase: "running",
      current: { title: { de: "Teil 1" } },
      next: { title: { de: "Teil 2" } },
    });

    await revokeMonitorToken(organizer, ref, id);
    expect(await events.ends()).toBe(true);
    await eventually(() => (watchedShows().viewers === 0 ? true : undefined));
    expect(await outcome(getMonitorShow(token))).toBe("not_found");
    const revoked = await monitorStream(token);
    expect(revoked.status).toBe(404);
    expect((await revoked.json()).error.code).toBe("not_found");
    expect((await monitorStream("x".repeat(43))).status).toBe(404);
    expect((await monitorStream("short")).status).toBe(404);
    // Revoking again changes nothing.
    await revokeMonitorToken(organizer, ref, id);
    const audit = await db.auditEntry.findMany({
      where: { entity: "MonitorToken", entityId: id },
      orderBy: { at: "asc" },
    });
    expect(audit.map((entry) => [entry.action, entry.actorEmail])).toEqual([
      ["monitorToken.create", organizer.email],
      ["monitorToken.revoke", organizer.email],
    ]);
    expect(JSON.stringify(audit)).not.toContain(token);
  });
});

describe("the pages' first state", () => {
  it("the crew's view names people for the reader and carries the meeting's zone; refusals as errors", async () => {
    const { ref } = await liveCeremony([5]);
    const show = await getCrewShow(organizer, "2017", ref.sessionId, "zh");
    expect(show).toMatchObject({ version: 0, phase: "ready", timeZone: "Europe/Berlin" });
    expect(show.segments[0]!.internalNotes).toBe("Hinweis 1");
    expect(await outcome(getCrewShow(await createActor("checkin"), "2017", ref.sessionId, "zh"))).toBe(
      "forbidden",
    );
    expect(await outcome(getCrewShow(organizer, "1999", ref.sessionId, "zh"))).toBe("not_found");
    expect(await outcome(getMonitorShow("no-such-token"))).toBe("not_found");
  });
});
