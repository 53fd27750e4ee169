import { describe, expect, it } from "vitest";
import { parseWithIcalJs, parseWithNodeIcal } from "@/test/ical";
import { sampleSeat, sampleView } from "@/test/registration-view";
import { personalCalendar, renderCalendar, type CalendarEvent, type ReleasedSession } from "./ics";

// Runs under TZ=UTC and TZ=Asia/Shanghai: nothing may depend on the process's zone.
const keynote: CalendarEvent = {
  uid: "session-keynote@example.org",
  sequence: 3,
  start: "2017-04-24T08:00:00.000Z",
  end: "2017-04-24T08:45:00.000Z",
  modified: "2017-03-01T09:30:00.000Z",
  summary: "Keynote; Industrie 4.0, Made in China 2025",
  description: "Zeile 1\nZeile 2 \\ Ende",
  location: "Saal 2",
  status: "confirmed",
};

describe("renderCalendar", () => {
  const text = renderCalendar({
    name: "Jahrestreffen 2017; Köln, neu\nim Bund",
    timeZone: "Europe/Berlin",
    events: [keynote],
  });

  it("writes 10:00 in Hannover with TZID and one VTIMEZONE, which both parsers read as 08:00Z", () => {
    expect(text).toContain("DTSTART;TZID=Europe/Berlin:20170424T100000\r\n");
    expect(text).toContain("DTEND;TZID=Europe/Berlin:20170424T104500\r\n");
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    const [event] = parseWithIcalJs(text).events;
    expect(event).toMatchObject({
      uid: keynote.uid,
      sequence: 3,
      tzid: "Europe/Berlin",
      status: "CONFIRMED",
      location: "Saal 2",
    });
    expect(event!.start.toISOString()).toBe("2017-04-24T08:00:00.000Z");
    expect(event!.end.toISOString()).toBe("2017-04-24T08:45:00.000Z");
    const [fromNodeIcal] = parseWithNodeIcal(text);
    expect(fromNodeIcal!.start.toISOString()).toBe("2017-04-24T08:00:00.000Z");
    expect(fromNodeIcal!.end.toISOString()).toBe("2017-04-24T08:45:00.000Z");
  });

  it("takes DTSTAMP and LAST-MODIFIED from the data, in UTC", () => {
    expect(text).toContain("DTSTAMP:20170301T093000Z\r\n");
    expect(text).toContain("LAST-MODIFIED:20170301T093000Z\r\n");
    expect(renderCalendar({ name: "x", timeZone: "Europe/Berlin", events: [keynote] })).toBe(
      renderCalendar({ name: "x", timeZone: "Europe/Berlin", events: [{ ...keynote }] }),
    );
  });

  it("escapes every text field, the calendar name included, and publishes with CRLF line ends", () => {
    expect(text).toContain("X-WR-CALNAME:Jahrestreffen 2017\\; Köln\\, neu\\nim Bund\r\n");
    expect(text).toContain("SUMMARY:Keynote\\; Industrie 4.0\\, Made in China 2025\r\n");
    expect(text).toContain("DESCRIPTION:Zeile 1\\nZeile 2 \\\\ Ende\r\n");
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const parsed = parseWithIcalJs(text);
    // ical.js hands X- properties over unparsed: the escaped form shows that nothing was left raw.
    expect(parsed.name).toBe("Jahrestreffen 2017\\; Köln\\, neu\\nim Bund");
    expect(parsed.events[0]!.summary).toBe(keynote.summary);
    expect(parsed.events[0]!.description).toBe(keynote.description);
  });

  it("keeps a cancelled event also once it has ended, and orders events by start", () => {
    const cancelled: CalendarEvent = { ...keynote, uid: "cancelled@example.org", status: "cancelled" };
    const earlier: CalendarEvent = {
      ...keynote,
      uid: "earlier@example.org",
      start: "2016-04-24T07:00:00Z",
      end: "2016-04-24T07:30:00Z",
      status: "cancelled",
    };
    const events = parseWithIcalJs(
      renderCalendar({ name: "x", timeZone: "Europe/Berlin", events: [keynote, cancelled, earlier] }),
    ).events;
    expect(events.map((event) => [event.uid, event.status])).toEqual([
      ["earlier@example.org", "CANCELLED"],
      ["cancelled@example.org", "CANCELLED"],
      ["session-keynote@example.org", "CONFIRMED"],
    ]);
  });

  it("writes the calendar's properties before its first component, and no METHOD", () => {
    const feed = renderCalendar({
      name: "x",
      timeZone: "Europe/Berlin",
      refreshSeconds: 3600,
      events: [keynote],
    });
    const lines = feed.split("\r\n");
    expect(lines.slice(0, lines.indexOf("BEGIN:VTIMEZONE"))).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Chinese-German Industrial Cities Alliance//Annual meeting//EN",
      "NAME:x",
      "X-WR-CALNAME:x",
      "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
      "X-PUBLISHED-TTL:PT1H",
    ]);
    expect(lines.indexOf("END:VTIMEZONE")).toBeLessThan(lines.indexOf("BEGIN:VEVENT"));
    expect(feed).not.toContain("METHOD:");
    expect(feed.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")).toBe(true);
  });

  it("marks tentative and cancelled events as free time, confirmed ones as busy", () => {
    const events: CalendarEvent[] = [
      keynote,
      { ...keynote, uid: "waiting@example.org", status: "tentative" },
      { ...keynote, uid: "cancelled@example.org", status: "cancelled" },
    ];
    const blocks = renderCalendar({ name: "x", timeZone: "Europe/Berlin", events })
      .split("BEGIN:VEVENT")
      .slice(1);
    const busyLines = (uid: string) =>
      blocks
        .find((block) => block.includes(`UID:${uid}\r\n`))!
        .split("\r\n")
        .filter((line) => /^(TRANSP|X-MICROSOFT-CDO-BUSYSTATUS|STATUS):/.test(line));
    expect(busyLines(keynote.uid)).toEqual(["STATUS:CONFIRMED"]);
    expect(busyLines("waiting@example.org").sort()).toEqual([
      "STATUS:TENTATIVE",
      "TRANSP:TRANSPARENT",
      "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE",
    ]);
    expect(busyLines("cancelled@example.org").sort()).toEqual([
      "STATUS:CANCELLED",
      "TRANSP:TRANSPARENT",
      "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
    ]);
  });

  it("is never a calendar without a component: without events it holds its VTIMEZONE", () => {
    const empty = renderCalendar({ name: "x", timeZone: "Europe/Berlin", events: [] });
    expect(empty.match(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin\r\n/g)).toHaveLength(1);
    expect(empty.endsWith("END:VTIMEZONE\r\nEND:VCALENDAR\r\n")).toBe(true);
    expect(parseWithIcalJs(empty).events).toEqual([]);
  });
});

describe("personalCalendar", () => {
  const domain = { uidDomain: "localhost" };
  const waitlisted = sampleSeat({
    sessionId: "session-workshop",
    status: "waitlisted",
    position: 2,
    title: { de: "Workshop Smart Manufacturing", en: "Smart manufacturing workshop", zh: "智能制造研讨会" },
    startsAt: "2017-04-24T11:30:00.000Z",
    endsAt: "2017-04-24T13:00:00.000Z",
    room: { de: "Raum 13", en: "Room 13", zh: "13号会议室" },
    sequence: 0,
  });
  const cancelled = sampleSeat({
    sessionId: "session-panel",
    sessionStatus: "cancelled",
    startsAt: "2017-04-24T09:45:00.000Z",
    endsAt: "2017-04-24T10:30:00.000Z",
  });
  const draft = sampleSeat({ sessionId: "session-draft", sessionStatus: "draft" });

  it("holds the delegate's sessions in the delegate's language, with Beijing time written out", () => {
    const view = sampleView({ language: "zh", sessions: [sampleSeat(), waitlisted, cancelled, draft] });
    const text = personalCalendar(view, "zh", { uidDomain: "localhost" });
    const parsed = parseWithIcalJs(text);
    expect(parsed.name).toBe("2017年年会 – 我的日程");
    expect(parsed.events.map((event) => [event.uid, event.sequence, event.status])).toEqual([
      ["session-keynote@localhost", 2, "CONFIRMED"],
      ["session-panel@localhost", 2, "CANCELLED"],
      ["session-workshop@localhost", 0, "TENTATIVE"],
    ]);
    expect(parsed.events[0]).toMatchObject({
      summary: "工业4.0对接中国制造2025",
      location: "2号厅",
      description: "北京时间 16:00–16:45（UTC+8）\n您的席位已预留。",
    });
    expect(parsed.events[2]!.description).toBe("北京时间 19:30–21:00（UTC+8）\n候补名单：您排在第2位。");
    expect(parsed.events[2]!.start.toISOString()).toBe("2017-04-24T11:30:00.000Z");
    expect(parseWithNodeIcal(text).map((event) => event.start.toISOString())).toEqual([
      "2017-04-24T08:00:00.000Z",
      "2017-04-24T09:45:00.000Z",
      "2017-04-24T11:30:00.000Z",
    ]);
  });

  it("is byte-identical for the same data and moves DTSTAMP when the delegate's registration changes", () => {
    const view = sampleView({ sessions: [sampleSeat(), waitlisted] });
    expect(personalCalendar(view, "de", domain)).toBe(personalCalendar(structuredClone(view), "de", domain));
    const later = personalCalendar({ ...view, updatedAt: "2017-04-02T10:00:00.000Z" }, "de", domain);
    expect(later).toContain("DTSTAMP:20170402T100000Z\r\n");
  });

  it("cancels the sessions given up, one SEQUENCE above the session's, under the same UID", () => {
    const released: ReleasedSession = {
      sessionId: "session-workshop",
      title: waitlisted.title,
      startsAt: waitlisted.startsAt,
      endsAt: waitlisted.endsAt,
      room: waitlisted.room,
      sequence: 3,
      updatedAt: "2017-03-02T10:00:00.000Z",
    };
    const view = sampleView({ updatedAt: "2017-03-05T08:00:00.000Z", sessions: [sampleSeat()] });
    const text = personalCalendar(view, "en", { ...domain, released: [released] });
    const events = parseWithIcalJs(text).events;
    expect(events.map((event) => [event.uid, event.sequence, event.status])).toEqual([
      ["session-keynote@localhost", 2, "CONFIRMED"],
      ["session-workshop@localhost", 4, "CANCELLED"],
    ]);
    expect(events[1]).toMatchObject({
      summary: "Smart manufacturing workshop",
      location: "Room 13",
      description: "19:30–21:00 Beijing time (UTC+8)\nYou no longer attend this session.",
      dtstamp: "DTSTAMP:20170305T080000Z",
    });
    expect(events[1]!.start.toISOString()).toBe("2017-04-24T11:30:00.000Z");
    expect(
      parseWithNodeIcal(text).map((event) => [
        event.uid,
        event.sequence,
        event.status,
        event.start.toISOString(),
      ]),
    ).toEqual([
      ["session-keynote@localhost", 2, "CONFIRMED", "2017-04-24T08:00:00.000Z"],
      ["session-workshop@localhost", 4, "CANCELLED", "2017-04-24T11:30:00.000Z"],
    ]);
    // A session the delegate holds again is the view's to describe.
    const again = personalCalendar(sampleView({ sessions: [sampleSeat(), waitlisted] }), "en", {
      ...domain,
      released: [released],
    });
    expect(parseWithIcalJs(again).events.map((event) => [event.uid, event.status])).toEqual([
      ["session-keynote@localhost", "CONFIRMED"],
      ["session-workshop@localhost", "TENTATIVE"],
    ]);
  });

  it("cancels every event once the registration is cancelled", () => {
    const view = sampleView({ status: "cancelled", sessions: [sampleSeat(), waitlisted] });
    expect(parseWithIcalJs(personalCalendar(view, "en", domain)).events.map((event) => event.status)).toEqual(
      ["CANCELLED", "CANCELLED"],
    );
  });
});
