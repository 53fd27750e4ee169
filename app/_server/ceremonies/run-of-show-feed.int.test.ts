import { DateTime } from "luxon";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/app/_server/authz";
import { db } from "@/app/_server/db";
import { seedDemo } from "@/prisma/seed";
import { parseWithIcalJs, parseWithNodeIcal } from "@/test/ical";
import { createActor } from "@/test/integration/actors";
import { publishSession } from "@/app/_server/agenda/status-mutations";
import { createSegment, deleteSegment, moveSegment, reorderSegments, updateSegment } from "./mutations";
import { segmentUid } from "./run-of-show-feed";

// The route reads the signed-in organizer from the session cookie; here the test decides who it is.
const signedIn = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/app/_server/authz", async (original) => ({
  ...(await original<typeof import("@/app/_server/authz")>()),
  currentActor: async () => signedIn.actor,
}));

const route = await import("@/app/api/admin/meetings/[slug]/sessions/[id]/run-of-show.ics/route");

let ceremonyId: string;
let organizer: Actor;

beforeAll(async () => {
  await seedDemo(db);
  ceremonyId = (
    await db.session.findFirstOrThrow({ where: { slug: "aufnahme-koeln", meeting: { slug: "2017" } } })
  ).id;
  organizer = await createActor("organizer");
});

function feed(query = "", init: RequestInit = {}, id = ceremonyId) {
  const request = new Request(
    `http://localhost:3000/api/admin/meetings/2017/sessions/${id}/run-of-show.ics${query}`,
    init,
  );
  const handler = init.method === "HEAD" ? route.HEAD : route.GET;
  return handler(request, { params: Promise.resolve({ slug: "2017", id }) });
}

describe("the organizers' run-of-show feed", () => {
  it("answers 401 without a signed-in organizer and 403 for check-in staff, as JSON", async () => {
    signedIn.actor = null;
    const anonymous = await feed();
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthenticated");
    signedIn.actor = await createActor("checkin");
    const checkin = await feed();
    expect(checkin.status).toBe(403);
    expect((await checkin.json()).error.code).toBe("forbidden");
  });

  it("has one event per segment at its derived time, read back alike by ical.js and node-ical", async () => {
    signedIn.actor = organizer;
    const response = await feed();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("etag")).toMatch(/^W\/"[A-Za-z0-9_-]{22}"$/);
    const text = await response.text();
    const segments = await db.ceremonySegment.findMany({
      where: { sessionId: ceremonyId },
      orderBy: { position: "asc" },
    });

    const parsed = parseWithIcalJs(text);
    expect(parsed.name).toBe("Ablauf: Feierliche Aufnahme Kölns in die Allianz");
    expect(parsed.events.map((event) => event.uid)).toEqual(
      segments.map((segment) => segmentUid(segment.id, "localhost")),
    );
    expect(segmentUid(segments[0]!.id, "localhost")).toBe(`segment-${segments[0]!.id}@localhost`);
    const speech = parsed.events[2]!;
    expect(speech).toMatchObject({
      tzid: "Europe/Berlin",
      summary: "Rede der Stadt Köln",
      status: "CONFIRMED",
    });
    // 11:00 + 5 + 8 minutes in Hannover, summer time: 09:13Z, 17:13 in Shanghai.
    expect(speech.start.toISOString()).toBe("2017-04-24T09:13:00.000Z");
    expect(speech.end.toISOString()).toBe("2017-04-24T09:23:00.000Z");
    expect(DateTime.fromJSDate(speech.start).setZone("Asia/Shanghai").toFormat("HH:mm")).toBe("17:13");
    expect(speech.description).toContain("Mitwirkende: Ute Berg");
    expect(speech.description).toContain(
      "Beschreibung (öffentlich): Ute Berg, Dezernentin für Wirtschaft und Liegenschaften der Stadt Köln.",
    );
    expect(text).toContain("DTSTART;TZID=Europe/Berlin:20170424T111300\r\n");
    expect(text.split("\r\n").filter((line) => line === "BEGIN:VTIMEZONE")).toHaveLength(1);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);

    const node = parseWithNodeIcal(text);
    expect(node).toHaveLength(7);
    expect(
      node.find((event) => event.uid === segmentUid(segments[2]!.id, "localhost"))!.start.toISOString(),
    ).toBe("2017-04-24T09:13:00.000Z");
    expect(node.at(-1)!.end.toISOString()).toBe("2017-04-24T09:45:00.000Z");
  });

  it("speaks the language asked for, answers HEAD without a body and 304 while unchanged, and changes after a reorder", async () => {
    signedIn.actor = organizer;
    const chinese = parseWithIcalJs(await (await feed("?lang=zh")).text());
    expect(chinese.name).toBe("仪式流程：科隆加入联盟仪式");
    expect(chinese.events[0]!.summary).toBe("致欢迎辞");
    expect(chinese.events[0]!.description).toContain("参与人员：Friedhelm Ost");

    const first = await feed();
    const etag = first.headers.get("etag")!;
    const head = await feed("", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(head.headers.get("etag")).toBe(etag);
    const unchanged = await feed("", { headers: { "If-None-Match": etag } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get("cache-control")).toBe("private, no-store");

    const welcome = (
      await db.ceremonySegment.findFirstOrThrow({ where: { sessionId: ceremonyId, position: 0 } })
    ).id;
    await moveSegment(organizer, { meetingSlug: "2017", sessionId: ceremonyId }, welcome, "down");
    const changed = await feed("", { headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
    const event = parseWithIcalJs(await changed.text()).events.find(
      (candidate) => candidate.uid === segmentUid(welcome, "localhost"),
    )!;
    expect(event.start.toISOString()).toBe("2017-04-24T09:08:00.000Z");
  });

  it("gives each segment's public description and its internal notes, each labelled, in the language asked for", async () => {
    signedIn.actor = organizer;
    const german = parseWithIcalJs(await (await feed()).text());
    const signing = german.events[3]!;
    expect(signing.summary).toBe("Unterzeichnung der Beitrittserklärung");
    expect(signing.description).toBe(
      [
        "Teil von: Feierliche Aufnahme Kölns in die Allianz",
        "Mitwirkende: Ute Berg und Friedhelm Ost",
        "Interne Hinweise: Tisch mit Urkundenmappe und zwei Füllern vorbereiten.",
      ].join("\n"),
    );
    const english = parseWithIcalJs(await (await feed("?lang=en")).text());
    expect(english.events[2]!.description).toContain(
      "Description (public): Ute Berg, Head of the Department for Economic Affairs and Real Estate, City of Cologne.",
    );
    expect(english.events[5]!.description).toContain(
      "Internal notes: Vor der Bühnenwand; Delegationsleitungen in der ersten Reihe.",
    );
    const chinese = parseWithIcalJs(await (await feed("?lang=zh")).text());
    expect(chinese.events[2]!.description).toContain("简介（公开）：科隆市经济与房地产局局长乌特·贝格。");
    expect(chinese.events[3]!.description).toContain(
      "内部备注：Tisch mit Urkundenmappe und zwei Füllern vorbereiten.",
    );
  });

  it("keeps SEQUENCE at 0 through 20 run-of-show edits of a draft ceremony, and raises it for edits after publication", async () => {
    signedIn.actor = organizer;
    const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: "2017" } });
    const draft = await db.session.create({
      data: {
        meetingId: meeting.id,
        slug: `draft-ceremony-${Date.now()}`,
        kind: "ceremony",
        status: "draft",
        titleDe: "Entwurf einer Zeremonie",
        startsAt: new Date("2017-04-24T14:00:00Z"),
        endsAt: new Date("2017-04-24T15:00:00Z"),
      },
    });
    const ref = { meetingSlug: "2017", sessionId: draft.id };
    const segment = { durationMinutes: "5", titleDe: "Punkt", participantIds: [] };
    const sequences = async () =>
      (await (await feed("", {}, draft.id)).text())
        .split("\r\n")
        .filter((line) => line.startsWith("SEQUENCE:"));

    const ids: string[] = [];
    for (let index = 0; index < 6; index++) ids.push((await createSegment(organizer, ref, segment)).id);
    for (let index = 0; index < 6; index++)
      await updateSegment(organizer, ref, ids[index]!, { ...segment, durationMinutes: String(index + 3) });
    for (let index = 0; index < 4; index++) await moveSegment(organizer, ref, ids[index]!, "down");
    await reorderSegments(organizer, ref, [...ids].reverse());
    await reorderSegments(organizer, ref, ids);
    await deleteSegment(organizer, ref, ids.pop()!);
    await deleteSegment(organizer, ref, ids.pop()!);
    expect(await sequences()).toEqual(["SEQUENCE:0", "SEQUENCE:0", "SEQUENCE:0", "SEQUENCE:0"]);

    // Publishing is the first version calendars see; changes after it count.
    await publishSession(organizer, "2017", draft.id);
    expect(await sequences()).toEqual(["SEQUENCE:0", "SEQUENCE:0", "SEQUENCE:0", "SEQUENCE:0"]);
    await moveSegment(organizer, ref, ids[0]!, "down");
    expect(await sequences()).toEqual(["SEQUENCE:1", "SEQUENCE:1", "SEQUENCE:1", "SEQUENCE:1"]);
    await updateSegment(organizer, ref, ids[0]!, { ...segment, durationMinutes: "9" });
    expect(await sequences()).toEqual(["SEQUENCE:2", "SEQUENCE:2", "SEQUENCE:2", "SEQUENCE:2"]);
  });

  it("finds no ceremony behind another session's id", async () => {
    signedIn.actor = organizer;
    const opening = await db.session.findFirstOrThrow({ where: { slug: "eroeffnung" } });
    expect((await feed("", {}, opening.id)).status).toBe(404);
  });
});
