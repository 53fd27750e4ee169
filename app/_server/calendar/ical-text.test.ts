import { describe, expect, it } from "vitest";
import { cleanText, escapeText, refold } from "./ical-text";

const octets = (line: string) => new TextEncoder().encode(line).length;

describe("iCalendar text", () => {
  it("escapes backslash, semicolon, comma and line breaks", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
  });

  it("strips control characters and turns tabs into spaces", () => {
    expect(cleanText("a\u0000b\u0007c\td\u001be\u007ff\ng")).toBe("abc def\ng");
  });

  it("folds at 75 octets, never inside a UTF-8 character or an escape, and ends every line with CRLF", () => {
    const summary = `SUMMARY:${escapeText("中德工业城市联盟, 2017年年会; ".repeat(6))}`;
    const folded = refold(`BEGIN:VCALENDAR\r\n${summary}\r\nEND:VCALENDAR`);
    expect(folded.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const lines = folded.split("\r\n").slice(0, -1);
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    // Continuation lines start with one space; unfolding gives back the exact line.
    expect(folded.replace(/\r\n /g, "")).toBe(`BEGIN:VCALENDAR\r\n${summary}\r\nEND:VCALENDAR\r\n`);
    for (const line of lines) {
      expect(line).not.toMatch(/\uFFFD/);
      // An odd number of trailing backslashes would be an escape cut in two.
      expect((line.match(/\\+$/)?.[0].length ?? 0) % 2).toBe(0);
    }
  });

  it("keeps an escape whole when it falls on the fold", () => {
    // 74 octets of "x" then "\," : the pair must move to the next line together.
    const line = `X-TEST:${"x".repeat(67)}\\,y`;
    expect(octets(line.slice(0, 74))).toBe(74);
    expect(refold(line)).toBe(`X-TEST:${"x".repeat(67)}\r\n \\,y\r\n`);
  });

  it("undoes earlier folding before folding again", () => {
    expect(refold("SUMMARY:ab\r\n cd\r\n")).toBe("SUMMARY:abcd\r\n");
  });
});
