import { describe, expect, it } from "vitest";
import { feedBody } from "@/app/_server/calendar/feed-body";
import { attachment, feedResponse, notModified } from "./feed-response";

const body = feedBody("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", new Date("2017-04-02T10:00:00.500Z"));
const request = (headers: Record<string, string>, method = "GET") =>
  new Request("http://localhost/calendar/2017.ics", { method, headers });

describe("notModified", () => {
  it("compares If-None-Match weakly, in lists, and with *", () => {
    expect(notModified(request({ "if-none-match": body.etag }), body)).toBe(true);
    expect(notModified(request({ "if-none-match": `W/${body.etag}` }), body)).toBe(true);
    expect(notModified(request({ "if-none-match": `"a,b", W/"c" ,${body.etag}` }), body)).toBe(true);
    expect(notModified(request({ "if-none-match": "*" }), body)).toBe(true);
    expect(notModified(request({ "if-none-match": '"a,b", W/"c"' }), body)).toBe(false);
    expect(notModified(request({ "if-none-match": body.etag.slice(1, -1) }), body)).toBe(false);
  });

  it("reads If-Modified-Since at one-second precision, and only without If-None-Match", () => {
    expect(notModified(request({ "if-modified-since": "Sun, 02 Apr 2017 10:00:00 GMT" }), body)).toBe(true);
    expect(notModified(request({ "if-modified-since": "Sun, 02 Apr 2017 09:59:59 GMT" }), body)).toBe(false);
    expect(notModified(request({ "if-modified-since": "not a date" }), body)).toBe(false);
    expect(
      notModified(
        request({ "if-modified-since": "Sun, 02 Apr 2017 10:00:00 GMT", "if-none-match": '"x"' }),
        body,
      ),
    ).toBe(false);
  });
});

describe("feedResponse", () => {
  it("answers 304 without a body and HEAD without one too", async () => {
    const notChanged = feedResponse(request({ "if-none-match": body.etag }), body, { privacy: "public" });
    expect(notChanged.status).toBe(304);
    expect(notChanged.headers.get("content-type")).toBeNull();
    expect(await notChanged.text()).toBe("");
    const head = feedResponse(request({}, "HEAD"), body, { privacy: "public" });
    expect([head.status, head.headers.get("content-length"), await head.text()]).toEqual([
      200,
      String(body.bytes.byteLength),
      "",
    ]);
    expect(head.headers.get("last-modified")).toBe("Sun, 02 Apr 2017 10:00:00 GMT");
  });
});

describe("feedResponse and content encodings", () => {
  const headersOf = (response: Response) => Object.fromEntries(response.headers.entries());

  it("sends a weak ETag, which Next's gzip may keep, and varies by Accept-Encoding", () => {
    expect(body.etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(
      headersOf(feedResponse(request({ "accept-encoding": "gzip" }), body, { privacy: "public" })),
    ).toEqual({
      "cache-control": "public, max-age=300",
      "content-length": String(body.bytes.byteLength),
      "content-type": "text/calendar; charset=utf-8",
      etag: `W/${body.etag}`,
      "last-modified": "Sun, 02 Apr 2017 10:00:00 GMT",
      vary: "Accept-Encoding",
    });
  });

  it("answers 304 with Vary too, to the tag as sent and to the strong form of earlier releases", () => {
    for (const tag of [`W/${body.etag}`, body.etag]) {
      const notChanged = feedResponse(request({ "if-none-match": tag }), body, { privacy: "private" });
      expect(notChanged.status).toBe(304);
      expect(headersOf(notChanged)).toEqual({
        "cache-control": "private, max-age=300",
        etag: `W/${body.etag}`,
        "last-modified": "Sun, 02 Apr 2017 10:00:00 GMT",
        "referrer-policy": "no-referrer",
        vary: "Accept-Encoding",
        "x-robots-tag": "noindex",
      });
    }
  });
});

describe("attachment", () => {
  it("gives an ASCII fallback and the title in UTF-8, percent-encoded per RFC 5987", () => {
    expect(attachment("年会开幕")).toBe(
      `attachment; filename="session.ics"; filename*=UTF-8''%E5%B9%B4%E4%BC%9A%E5%BC%80%E5%B9%95.ics`,
    );
    expect(attachment(`Panel (A's) "x"/y`)).toBe(
      `attachment; filename="session.ics"; filename*=UTF-8''Panel%20%28A%27s%29%20%22x%22%20y.ics`,
    );
    expect(attachment("\u0000")).toBe(`attachment; filename="session.ics"; filename*=UTF-8''session.ics`);
  });
});
