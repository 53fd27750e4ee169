import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import * as kindRoute from "@/app/calendar/[slug]/kinds/[kind]/route";
import * as meetingRoute from "@/app/calendar/[slug]/route";
import * as sessionRoute from "@/app/calendar/[slug]/sessions/[id]/route";
import * as trackRoute from "@/app/calendar/[slug]/tracks/[track]/route";
import { db } from "@/app/_server/db";
import { seedDemo } from "@/prisma/seed";
import { parseWithIcalJs, parseWithNodeIcal } from "@/test/ical";
import { clearFeedCache } from "./calendar-feeds";
import { sessionUid } from "../calendar/ics";

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

function call<P>(handler: Handler<P>, path: string, params: P, init: RequestInit = {}): Promise<Response> {
  return handler(new Request(`http://localhost:3000${path}`, init), { params: Promise.resolve(params) });
}

const feed = (query = "", init: RequestInit = {}) =>
  call(meetingRoute.GET, `/calendar/2017.ics${query}`, { slug: "2017.ics" }, init);

let meetingId: string;
const idOf = async (slug: string) =>
  (await db.session.findFirstOrThrow({ where: { meetingId, slug }, select: { id: true } })).id;

beforeAll(async () => {
  await seedDemo(db);
  meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: "2017" } })).id;
});

describe("the public feed of a meeting", () => {
  it("reads back in both parsers: the opening at 09:30 in Hannover is 07:30Z and 15:30 in Shanghai", async () => {
    const response = await feed();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    // Weak: Next's compression gzips the same answer under the same tag.
    expect(response.headers.get("etag")).toMatch(/^W\/"[A-Za-z0-9_-]{22}"$/);
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    const text = await response.text();
    const opening = sessionUid(await idOf("eroeffnung"), "localhost");

    const parsed = parseWithIcalJs(text);
    expect(text).not.toContain("METHOD:");
    expect(parsed.name).toBe((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).titleDe);
    expect(parsed.events).toHaveLength(await db.session.count({ where: { meetingId, status: "published" } }));
    const event = parsed.events.find((candidate) => candidate.uid === opening)!;
    expect(event).toMatchObject({
      tzid: "Europe/Berlin",
      status: "CONFIRMED",
      summary: "Eröffnung des Jahrestreffens",
      location: "Saal 2, Convention Center",
    });
    expect(event.start.toISOString()).toBe("2017-04-24T07:30:00.000Z");
    expect(DateTime.fromJSDate(event.start).setZone("Asia/Shanghai").toFormat("HH:mm")).toBe("15:30");
    expect(event.description).toContain("15:30–16:00 Uhr Pekinger Zeit (UTC+8)");
    expect(event.description).toContain("Ort: Saal 2, Convention Center");
    expect(event.description).toMatch(/Mitwirkende: .*Ost/);
    expect(event.description).toContain(
      `http://localhost:3000/de/meetings/2017/sessions/${await idOf("eroeffnung")}`,
    );
    expect(text).toContain("DTSTART;TZID=Europe/Berlin:20170424T093000\r\n");

    const node = parseWithNodeIcal(text).find((candidate) => candidate.uid === opening)!;
    expect(node.start.toISOString()).toBe("2017-04-24T07:30:00.000Z");
    expect(node.end.toISOString()).toBe("2017-04-24T08:00:00.000Z");
  });

  it("follows the iCalendar text rules: CRLF, folding at 75 octets, one VTIMEZONE, refresh hints", async () => {
    const text = await (await feed("?lang=zh")).text();
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.split("\r\n").slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(lines.filter((line) => line === "BEGIN:VTIMEZONE")).toHaveLength(1);
    expect(lines).toContain("TZID:Europe/Berlin");
    expect(lines.some((line) => line.startsWith("METHOD:"))).toBe(false);
    expect(lines).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    expect(lines).toContain("X-PUBLISHED-TTL:PT1H");
    expect(lines.some((line) => line.startsWith("X-WR-CALNAME:"))).toBe(true);
    expect(
      lines.filter((line) => /^(DTSTAMP|LAST-MODIFIED):/.test(line)).every((line) => line.endsWith("Z")),
    ).toBe(true);
    expect(
      parseWithIcalJs(text).events.find((event) => event.start.toISOString() === "2017-04-24T07:30:00.000Z")
        ?.summary,
    ).toBe("年会开幕");
    expect(text.replace(/\r\n /g, "")).toContain("北京时间 15:30–16:00（UTC+8）");
  });

  it("shows the ceremony as one event and answers the same bytes and ETag for the same data", async () => {
    const first = await feed();
    const text = await first.text();
    const ceremony = sessionUid(await idOf("aufnahme-koeln"), "localhost");
    expect(parseWithIcalJs(text).events.filter((event) => event.uid === ceremony)).toHaveLength(1);
    clearFeedCache();
    const again = await feed();
    expect(await again.text()).toBe(text);
    expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(again.headers.get("last-modified")).toBe(first.headers.get("last-modified"));
    // An unknown language is the meeting's own.
    expect(await (await feed("?lang=xx")).text()).toBe(text);
  });

  it("escapes , ; \\ and line breaks in titles and strips control characters", async () => {
    const id = await idOf("panel-staedte");
    const title = 'Cities, "A; B" \\ C\nsecond line\u0007';
    await db.session.update({ where: { id }, data: { titleEn: title } });
    const text = await (await feed("?lang=en")).text();
    expect(text.replace(/\r\n /g, "")).toContain('SUMMARY:Cities\\, "A\\; B" \\\\ C\\nsecond line\r\n');
    expect(
      parseWithIcalJs(text).events.find((event) => event.uid === sessionUid(id, "localhost"))!.summary,
    ).toBe('Cities, "A; B" \\ C\nsecond line');
    expect(parseWithNodeIcal(text).find((event) => event.uid === sessionUid(id, "localhost"))!.summary).toBe(
      'Cities, "A; B" \\ C\nsecond line',
    );
  });

  it("changes ETag and raises SEQUENCE when a session moves", async () => {
    const id = await idOf("keynote-industrie-4-0");
    const before = await feed();
    const beforeText = await before.text();
    const old = parseWithIcalJs(beforeText).events.find(
      (event) => event.uid === sessionUid(id, "localhost"),
    )!;
    const row = await db.session.findUniqueOrThrow({ where: { id } });
    await db.session.update({
      where: { id },
      data: {
        startsAt: new Date(row.startsAt.getTime() + 3_600_000),
        endsAt: new Date(row.endsAt.getTime() + 3_600_000),
        sequence: { increment: 1 },
      },
    });
    const after = await feed();
    expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
    const moved = parseWithIcalJs(await after.text()).events.find(
      (event) => event.uid === sessionUid(id, "localhost"),
    )!;
    expect(moved.sequence).toBe(old.sequence + 1);
    expect(moved.start.getTime() - old.start.getTime()).toBe(3_600_000);
    expect(Date.parse(after.headers.get("last-modified")!)).toBeGreaterThanOrEqual(
      Date.parse(before.headers.get("last-modified")!),
    );
  });

  it("reads right around the clock changes of March and October", async () => {
    const track = await db.track.findFirstOrThrow({ where: { meetingId, slug: "messe" } });
    for (const [slug, startsAt] of [
      ["dst-march", "2017-03-26T08:00:00Z"],
      ["dst-october", "2017-10-29T09:00:00Z"],
    ] as const) {
      const start = new Date(startsAt);
      await db.session.create({
        data: {
          meetingId,
          slug,
          kind: "tour",
          status: "published",
          titleDe: slug,
          startsAt: start,
          endsAt: new Date(start.getTime() + 3_600_000),
          trackId: track.id,
          languages: ["de"],
        },
      });
    }
    const text = await (
      await call(kindRoute.GET, "/calendar/2017/kinds/tour.ics", { slug: "2017", kind: "tour.ics" })
    ).text();
    expect(text).toContain("DTSTART;TZID=Europe/Berlin:20170326T100000\r\n");
    expect(text).toContain("DTSTART;TZID=Europe/Berlin:20171029T100000\r\n");
    for (const parsed of [parseWithIcalJs(text).events, parseWithNodeIcal(text)]) {
      const starts = parsed.map((event) => event.start.toISOString());
      expect(starts).toContain("2017-03-26T08:00:00.000Z");
      expect(starts).toContain("2017-10-29T09:00:00.000Z");
    }
  });
});

describe("conditional requests", () => {
  it("answers 304 for a matching If-None-Match (alone, in a list, weak, or *) and 200 otherwise", async () => {
    const response = await feed();
    const etag = response.headers.get("etag")!;
    const strong = etag.slice(2);
    for (const header of [etag, `"nope", ${etag}`, strong, "*"]) {
      const conditional = await feed("", { headers: { "if-none-match": header } });
      expect(conditional.status, header).toBe(304);
      expect(conditional.headers.get("etag")).toBe(etag);
      expect(conditional.headers.get("vary")).toBe("Accept-Encoding");
      expect(await conditional.text()).toBe("");
    }
    expect((await feed("", { headers: { "if-none-match": '"other"' } })).status).toBe(200);
    expect((await feed("?lang=en", { headers: { "if-none-match": etag } })).status).toBe(200);
  });

  it("uses If-Modified-Since only without If-None-Match", async () => {
    const response = await feed();
    const lastModified = response.headers.get("last-modified")!;
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    expect((await feed("", { headers: { "if-modified-since": lastModified } })).status).toBe(304);
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await feed("", { headers: { "if-modified-since": earlier } })).status).toBe(200);
    expect((await feed("", { headers: { "if-modified-since": "yesterday" } })).status).toBe(200);
    expect(
      (await feed("", { headers: { "if-modified-since": lastModified, "if-none-match": '"other"' } })).status,
    ).toBe(200);
  });

  it("answers HEAD with the headers of GET and no body", async () => {
    const get = await feed();
    const bytes = new Uint8Array(await get.arrayBuffer());
    const head = await call(
      meetingRoute.HEAD,
      "/calendar/2017.ics",
      { slug: "2017.ics" },
      { method: "HEAD" },
    );
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    for (const name of ["etag", "last-modified", "content-type", "cache-control"])
      expect(head.headers.get(name)).toBe(get.headers.get(name));
    expect(head.headers.get("content-length")).toBe(String(bytes.byteLength));
  });
});

describe("filtered feeds and downloads", () => {
  it("holds one track, one kind, and names the calendar after it", async () => {
    const plenum = await db.track.findFirstOrThrow({ where: { meetingId, slug: "plenum" } });
    const expected = await db.session.findMany({
      where: { meetingId, trackId: plenum.id, status: "published" },
      select: { id: true },
    });
    const text = await (
      await call(trackRoute.GET, "/calendar/2017/tracks/plenum.ics", { slug: "2017", track: "plenum.ics" })
    ).text();
    const parsed = parseWithIcalJs(text);
    expect(parsed.name).toMatch(/ – Plenum$/);
    expect(parsed.events.map((event) => event.uid).sort()).toEqual(
      expected.map((row) => sessionUid(row.id, "localhost")).sort(),
    );

    const ceremonies = parseWithIcalJs(
      await (
        await call(kindRoute.GET, "/calendar/2017/kinds/ceremony.ics?lang=en", {
          slug: "2017",
          kind: "ceremony.ics",
        })
      ).text(),
    );
    expect(ceremonies.name).toMatch(/ – Ceremony$/);
    expect(ceremonies.events.map((event) => event.uid)).toEqual([
      sessionUid(await idOf("aufnahme-koeln"), "localhost"),
    ]);
  });

  it("offers one session as a download whose file name survives a Chinese title", async () => {
    const id = await idOf("eroeffnung");
    await db.session.update({ where: { id }, data: { titleZh: "年会开幕：工业4.0" } });
    const response = await call(sessionRoute.GET, `/calendar/2017/sessions/${id}.ics?lang=zh`, {
      slug: "2017",
      id: `${id}.ics`,
    });
    expect(response.status).toBe(200);
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toBe(
      `attachment; filename="session.ics"; filename*=UTF-8''${encodeURIComponent("年会开幕：工业4.0.ics")}`,
    );
    expect(decodeURIComponent(disposition.split("''")[1]!)).toBe("年会开幕：工业4.0.ics");
    const events = parseWithIcalJs(await response.text()).events;
    expect(events.map((event) => [event.uid, event.summary])).toEqual([
      [sessionUid(id, "localhost"), "年会开幕：工业4.0"],
    ]);
  });

  it("keeps drafts out and cancelled sessions in, marked, also once they have ended", async () => {
    const draft = await idOf("messerundgang");
    await db.session.update({ where: { id: draft }, data: { status: "draft" } });
    const past = await idOf("panel-staedte");
    await db.session.update({
      where: { id: past },
      data: { status: "cancelled", sequence: { increment: 1 } },
    });
    const future = await db.session.create({
      data: {
        meetingId,
        slug: "future",
        kind: "panel",
        status: "cancelled",
        titleDe: "Später",
        startsAt: new Date("2099-04-24T08:00:00Z"),
        endsAt: new Date("2099-04-24T09:00:00Z"),
        languages: ["de"],
      },
    });
    const events = parseWithIcalJs(await (await feed()).text()).events;
    const uids = events.map((event) => event.uid);
    expect(uids).not.toContain(sessionUid(draft, "localhost"));
    expect(events.find((event) => event.uid === sessionUid(past, "localhost"))?.status).toBe("CANCELLED");
    expect(events.find((event) => event.uid === sessionUid(future.id, "localhost"))?.status).toBe(
      "CANCELLED",
    );
    // Its download too: a calendar that imported the session learns of the cancellation.
    const download = await call(sessionRoute.GET, `/calendar/2017/sessions/${past}.ics`, {
      slug: "2017",
      id: `${past}.ics`,
    });
    expect(parseWithIcalJs(await download.text()).events.map((event) => [event.uid, event.status])).toEqual([
      [sessionUid(past, "localhost"), "CANCELLED"],
    ]);
    expect(
      (
        await call(sessionRoute.GET, `/calendar/2017/sessions/${draft}.ics`, {
          slug: "2017",
          id: `${draft}.ics`,
        })
      ).status,
    ).toBe(404);
  });

  it("answers 404, never 500, for whatever the path does not name", async () => {
    const responses = await Promise.all([
      call(meetingRoute.GET, "/calendar/1999.ics", { slug: "1999.ics" }),
      call(meetingRoute.GET, "/calendar/2017", { slug: "2017" }),
      call(meetingRoute.GET, "/calendar/2017.json", { slug: "2017.json" }),
      call(meetingRoute.GET, "/calendar/.ics", { slug: ".ics" }),
      call(meetingRoute.GET, "/calendar/x", { slug: "\u0000.ics" }),
      call(meetingRoute.HEAD, "/calendar/x", { slug: `${"a".repeat(5000)}.ics` }, { method: "HEAD" }),
      call(trackRoute.GET, "/calendar/2017/tracks/nope.ics", { slug: "2017", track: "nope.ics" }),
      call(trackRoute.GET, "/calendar/2017/tracks/plenum", { slug: "2017", track: "plenum" }),
      call(trackRoute.GET, "/calendar/1999/tracks/plenum.ics", { slug: "1999", track: "plenum.ics" }),
      call(trackRoute.GET, "/calendar/2017/tracks/x", { slug: "2017", track: "a b'.ics" }),
      call(kindRoute.GET, "/calendar/2017/kinds/party.ics", { slug: "2017", kind: "party.ics" }),
      call(kindRoute.GET, "/calendar/2017/kinds/ceremony", { slug: "2017", kind: "ceremony" }),
      call(sessionRoute.GET, "/calendar/2017/sessions/nope.ics", { slug: "2017", id: "nope.ics" }),
      call(sessionRoute.GET, "/calendar/2017/sessions/x", { slug: "2017", id: "../../etc.ics" }),
    ]);
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 404));
  });
});
