import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { feedBody } from "@/app/_server/calendar/feed-body";
import { acceptsGzip, attachment, feedResponse, notModified } from "./feed-response";

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
  const gzipEtag = `${body.etag.slice(0, -1)}-gzip"`;
  const headersOf = (response: Response) => Object.fromEntries(response.headers.entries());

  it("gzips for clients that take it, under its own strong ETag, and varies by Accept-Encoding", async () => {
    const gzipped = feedResponse(request({ "accept-encoding": "gzip, deflate, br" }), body, {
      privacy: "public",
    });
    expect(gzipped.status).toBe(200);
    const bytes = new Uint8Array(await gzipped.arrayBuffer());
    expect(headersOf(gzipped)).toEqual({
      "cache-control": "public, max-age=300, no-transform",
      "content-encoding": "gzip",
      "content-length": String(bytes.byteLength),
      "content-type": "text/calendar; charset=utf-8",
      etag: gzipEtag,
      "last-modified": "Sun, 02 Apr 2017 10:00:00 GMT",
      vary: "Accept-Encoding",
    });
    expect(gunzipSync(bytes).toString("utf8")).toBe("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

    const plain = feedResponse(request({}), body, { privacy: "public" });
    expect(headersOf(plain)).toEqual({
      "cache-control": "public, max-age=300, no-transform",
      "content-length": String(body.bytes.byteLength),
      "content-type": "text/calendar; charset=utf-8",
      etag: body.etag,
      "last-modified": "Sun, 02 Apr 2017 10:00:00 GMT",
      vary: "Accept-Encoding",
    });
    expect(body.etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
  });

  it("answers 304 with Vary, and only for the tag of the encoding the request gets", () => {
    const notChanged = feedResponse(request({ "accept-encoding": "gzip", "if-none-match": gzipEtag }), body, {
      privacy: "private",
    });
    expect(notChanged.status).toBe(304);
    expect(headersOf(notChanged)).toEqual({
      "cache-control": "private, max-age=300, no-transform",
      etag: gzipEtag,
      "last-modified": "Sun, 02 Apr 2017 10:00:00 GMT",
      "referrer-policy": "no-referrer",
      vary: "Accept-Encoding",
      "x-robots-tag": "noindex",
    });
    const plain304 = feedResponse(request({ "if-none-match": body.etag }), body, { privacy: "public" });
    expect([plain304.status, plain304.headers.get("vary"), plain304.headers.get("etag")]).toEqual([
      304,
      "Accept-Encoding",
      body.etag,
    ]);
    // A copy in the other encoding is another representation: the full answer.
    expect(feedResponse(request({ "if-none-match": gzipEtag }), body, { privacy: "public" }).status).toBe(
      200,
    );
    expect(
      feedResponse(request({ "accept-encoding": "gzip", "if-none-match": body.etag }), body, {
        privacy: "public",
      }).status,
    ).toBe(200);
  });

  it("reads Accept-Encoding with q-values", () => {
    const takes = (value: string) => acceptsGzip(request({ "accept-encoding": value }));
    expect([
      takes("gzip"),
      takes("GZIP;q=0.5"),
      takes("x-gzip"),
      takes("*"),
      takes("br, gzip;q=1.0"),
    ]).toEqual([true, true, true, true, true]);
    expect([takes("gzip;q=0"), takes("br"), takes("identity"), takes("deflate, gzip;q=0.000")]).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(acceptsGzip(request({}))).toBe(false);
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
