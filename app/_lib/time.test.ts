import { describe, expect, it } from "vitest";
import {
  CHINA_TIME_ZONE,
  dayKey,
  formatCalendarDate,
  formatDateTime,
  formatLongDate,
  formatTime,
  formatTimeRange,
  HOME_TIME_ZONE,
  zoneName,
  zoneOffsetLabel,
} from "./time";

// Runs under TZ=UTC and TZ=Asia/Shanghai (npm run test:unit): results must not depend on the process zone.
const BERLIN = "Europe/Berlin";

describe("zoned formatting", () => {
  it("10:00 in Hannover on 24 April 2017 is 08:00Z and 16:00 in Beijing", () => {
    const instant = new Date("2017-04-24T08:00:00Z");
    expect(formatTime(instant, BERLIN, "de")).toBe("10:00");
    expect(formatTime(instant, CHINA_TIME_ZONE, "zh")).toBe("16:00");
    expect(formatTime(instant.toISOString(), BERLIN, "en")).toBe("10:00");
  });

  it("follows the clock changes in Berlin (China has none)", () => {
    // Last Sunday of March 2017 (26th): CET → CEST at 01:00Z; last Sunday of October (29th): back at 01:00Z.
    expect(formatTime(new Date("2017-03-26T00:30:00Z"), BERLIN, "de")).toBe("01:30");
    expect(formatTime(new Date("2017-03-26T01:30:00Z"), BERLIN, "de")).toBe("03:30");
    expect(formatTime(new Date("2017-10-29T00:30:00Z"), BERLIN, "de")).toBe("02:30");
    expect(formatTime(new Date("2017-10-29T01:30:00Z"), BERLIN, "de")).toBe("02:30");
    expect(formatTime(new Date("2017-10-29T01:30:00Z"), CHINA_TIME_ZONE, "de")).toBe("09:30");
    expect(zoneOffsetLabel(new Date("2017-04-24T08:00:00Z"), BERLIN)).toBe("UTC+2");
    expect(zoneOffsetLabel(new Date("2017-01-24T08:00:00Z"), BERLIN)).toBe("UTC+1");
    expect(zoneOffsetLabel(new Date("2017-01-24T08:00:00Z"), CHINA_TIME_ZONE)).toBe("UTC+8");
  });

  it("names a zone as people do, summer or standard time as at the instant, never by its identifier", () => {
    const april = new Date("2017-04-24T08:00:00Z");
    expect(zoneName(BERLIN, "de", april)).toBe("Mitteleuropäische Sommerzeit");
    expect(zoneName(BERLIN, "en", april)).toBe("Central European Summer Time");
    expect(zoneName(BERLIN, "zh", april)).toBe("中欧夏令时间");
    expect(zoneName(BERLIN, "de", new Date("2017-01-24T08:00:00Z"))).toBe("Mitteleuropäische Normalzeit");
    expect(zoneName(CHINA_TIME_ZONE, "zh", april.toISOString())).toBe("中国标准时间");
    // Without an instant, the name for the whole year.
    expect(zoneName(BERLIN, "de")).toBe("Mitteleuropäische Zeit");
    expect(zoneName(BERLIN, "zh")).toBe("中欧时间");
  });

  it("marks ranges that end on the next day in that zone", () => {
    const start = new Date("2017-04-24T15:30:00Z");
    const end = new Date("2017-04-24T17:00:00Z");
    expect(formatTimeRange(start, end, BERLIN, "de")).toBe("17:30–19:00");
    expect(formatTimeRange(start, end, CHINA_TIME_ZONE, "zh")).toBe("23:30–01:00（+1）");
  });

  it("writes dates in each language and groups by the zone's day", () => {
    const instant = new Date("2017-04-24T07:30:00Z");
    expect(formatLongDate(instant, BERLIN, "de")).toBe("Montag, 24. April 2017");
    expect(formatLongDate(instant, BERLIN, "en")).toMatch(/^Monday,? (24 April|April 24,) 2017$/);
    expect(formatLongDate(instant, BERLIN, "zh")).toBe("2017年4月24日星期一");
    expect(formatCalendarDate(new Date("2017-04-24T00:00:00Z"), "de")).toBe("Montag, 24. April 2017");
    expect(dayKey(new Date("2017-04-24T22:30:00Z"), BERLIN)).toBe("2017-04-25");
    expect(dayKey(new Date("2017-04-24T22:30:00Z"), "UTC")).toBe("2017-04-24");
  });

  it("writes date and time together, on the zone's day, with a 24-hour clock", () => {
    const instant = new Date("2017-04-24T22:30:00Z");
    expect(formatDateTime(instant, BERLIN, "de")).toBe("25. Apr. 2017, 00:30");
    expect(formatDateTime(instant.toISOString(), BERLIN, "en")).toMatch(
      /^(25 Apr 2017|Apr 25, 2017), 00:30$/,
    );
    expect(formatDateTime(instant, CHINA_TIME_ZONE, "zh")).toBe("2017年4月25日 06:30");
    expect(formatDateTime(new Date("2017-04-24T13:05:00Z"), HOME_TIME_ZONE, "de")).toBe(
      "24. Apr. 2017, 15:05",
    );
  });
});
