import "server-only";

/**
 * Text rules of RFC 5545 that ical-generator leaves to us: it does not escape the calendar's name or
 * description, keeps control characters, and folds lines without regard to backslash escapes.
 */

/** Line breaks become "\n"; tabs become spaces; other control characters (never valid in TEXT) go. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, "");
}

/** A TEXT value: backslash, semicolon, comma and line breaks escaped (after cleanText). */
export function escapeText(text: string): string {
  return cleanText(text)
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .replace(/\n/g, "\\n");
}

const LINE_OCTETS = 75;

/**
 * Undoes any folding and folds again: at most 75 octets per line including the leading space of a
 * continuation, never inside a UTF-8 character or between a backslash and the character it escapes.
 * Every line, the last included, ends with CRLF.
 */
export function refold(calendar: string): string {
  const lines = calendar
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((line) => line !== "");
  return lines.map(foldLine).join("");
}

function foldLine(line: string): string {
  // Most lines fit: counting their octets is all they cost.
  if (Buffer.byteLength(line) <= LINE_OCTETS) return `${line}\r\n`;
  // Units that must stay on one line: an escape pair, or one code point (surrogate pairs included).
  const units = line.match(/\\.|[\s\S]/gu) ?? [];
  let output = "";
  let octets = 0;
  for (const unit of units) {
    const size = Buffer.byteLength(unit);
    if (octets + size > LINE_OCTETS) {
      output += "\r\n ";
      octets = 1;
    }
    output += unit;
    octets += size;
  }
  return `${output}\r\n`;
}

/**
 * Moves the calendar's own properties before its first component (RFC 5545 §3.4: `icalbody = calprops
 * component`); ical-generator writes REFRESH-INTERVAL and X-PUBLISHED-TTL after the VTIMEZONE. Lines of
 * components stay where they are, in their order. Works on unfolded lines.
 */
export function calendarPropertiesFirst(calendar: string): string {
  const lines = calendar.replace(/\r\n[ \t]/g, "").split("\r\n");
  const head: string[] = [];
  const components: string[] = [];
  const tail: string[] = [];
  let depth = 0;
  for (const line of lines) {
    if (line === "") continue;
    if (line.startsWith("BEGIN:")) depth += 1;
    const target = depth > 1 ? components : line === "END:VCALENDAR" ? tail : head;
    target.push(line);
    if (line.startsWith("END:")) depth -= 1;
  }
  return [...head, ...components, ...tail].map((line) => `${line}\r\n`).join("");
}
