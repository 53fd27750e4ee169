/**
 * Property-based fuzzing of the calendar addresses: the real route handlers of /calendar/… on a real
 * database, with generated slugs, tracks, kinds, session ids, personal tokens, `?lang=` values and
 * conditional headers, by GET and HEAD. Every answer is 200, 304 or 404 (never a 5xx), and every 200
 * body reads back in ical.js. Runs and replays: see test/fuzz.ts.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as kindRoute from "@/app/calendar/[slug]/kinds/[kind]/route";
import * as meetingRoute from "@/app/calendar/[slug]/route";
import * as sessionRoute from "@/app/calendar/[slug]/sessions/[id]/route";
import * as trackRoute from "@/app/calendar/[slug]/tracks/[track]/route";
import * as personalRoute from "@/app/calendar/personal/[token]/route";
import { db } from "@/app/_server/db";
import { rotateCalendarToken } from "@/app/_server/self-service/calendar-link";
import { manageTokenOf, register } from "@/app/_server/registration/register";
import { seedDemo } from "@/prisma/seed";
import { fuzzParameters, fuzzTimeout, hostileString, isHeaderValue, pathSegment } from "@/test/fuzz";
import { parseWithIcalJs } from "@/test/ical";
import { delegate } from "@/test/integration/factories";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Route, its parameters and the address it answers, from a generated choice of segments. */
type Call = { handler: Handler; params: Record<string, string>; path: string };

const ics = (segment: string) => `${segment}.ics`;
let slugs: string[] = [];
let tracks: string[] = [];
let sessionIds: string[] = [];
let personalTokens: string[] = [];
const etags: string[] = [];

function encoded(segment: string): string {
  try {
    return encodeURIComponent(segment);
  } catch {
    return "_";
  }
}

/** Sometimes with the ".ics" suffix the routes expect, sometimes without. */
const withSuffix = (segment: fc.Arbitrary<string>) =>
  fc.tuple(segment, fc.boolean()).map(([value, suffix]) => (suffix ? ics(value) : value));

function calls(): fc.Arbitrary<Call> {
  const slug = pathSegment(slugs);
  return fc.oneof(
    withSuffix(slug).map((file) => ({
      handler: meetingRoute.GET as Handler,
      params: { slug: file },
      path: `/calendar/${encoded(file)}`,
    })),
    fc.tuple(slug, withSuffix(pathSegment(tracks))).map(([meeting, track]) => ({
      handler: trackRoute.GET as Handler,
      params: { slug: meeting, track },
      path: `/calendar/${encoded(meeting)}/tracks/${encoded(track)}`,
    })),
    fc
      .tuple(
        slug,
        withSuffix(
          pathSegment([
            "ceremony",
            "workshop",
            "keynote",
            "break",
            "plenary",
            "CEREMONY",
            "__proto__",
            "constructor",
          ]),
        ),
      )
      .map(([meeting, kind]) => ({
        handler: kindRoute.GET as Handler,
        params: { slug: meeting, kind },
        path: `/calendar/${encoded(meeting)}/kinds/${encoded(kind)}`,
      })),
    fc.tuple(slug, withSuffix(pathSegment(sessionIds))).map(([meeting, id]) => ({
      handler: sessionRoute.GET as Handler,
      params: { slug: meeting, id },
      path: `/calendar/${encoded(meeting)}/sessions/${encoded(id)}`,
    })),
    withSuffix(
      fc.oneof(
        fc.constantFrom(...personalTokens),
        pathSegment(["A".repeat(43), "_".repeat(43), "-".repeat(43)]),
      ),
    ).map((token) => ({
      handler: personalRoute.GET as Handler,
      params: { token },
      path: `/calendar/personal/${encoded(token)}`,
    })),
  );
}

const lang = fc.option(
  fc.oneof(
    fc.constantFrom("de", "en", "zh", "DE", "zh-Hans", "fr", "", "de&lang=en", "__proto__"),
    hostileString({ maxHuge: 2_000 }),
  ),
  { nil: undefined },
);
const headerText = fc.string({ maxLength: 120 }).filter(isHeaderValue);

function conditionalHeaders(): fc.Arbitrary<Record<string, string>> {
  const ifNoneMatch = fc.oneof(
    fc.constantFrom(...etags, "*", 'W/"x"', '"', '"a", W/"b",,', ""),
    fc.constant(etags.join(", ")),
    headerText,
  );
  const ifModifiedSince = fc.oneof(
    fc.constantFrom(
      "Mon, 24 Apr 2017 07:30:00 GMT",
      "Thu, 01 Jan 1970 00:00:00 GMT",
      "Fri, 31 Dec 9999 23:59:59 GMT",
      "yesterday",
      "0",
      "-1",
      "",
    ),
    fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
    headerText,
  );
  return fc.record(
    { "if-none-match": ifNoneMatch, "if-modified-since": ifModifiedSince, "accept-language": headerText },
    { requiredKeys: [] },
  );
}

beforeAll(async () => {
  await seedDemo(db);
  slugs = (await db.meeting.findMany({ select: { slug: true } })).map(({ slug }) => slug);
  tracks = (await db.track.findMany({ select: { slug: true }, take: 5 })).map(({ slug }) => slug);
  sessionIds = (await db.session.findMany({ select: { id: true }, take: 8 })).map(({ id }) => id);
  const manageToken = manageTokenOf(await register("2017", delegate(), { locale: "en" }));
  personalTokens = [await rotateCalendarToken(manageToken)];
  const known: [Handler, Record<string, string>][] = [
    [meetingRoute.GET as Handler, { slug: "2017.ics" }],
    [personalRoute.GET as Handler, { token: ics(personalTokens[0]!) }],
  ];
  for (const [handler, params] of known) {
    const response = await handler(new Request("http://localhost:3000/calendar/x.ics"), {
      params: Promise.resolve(params),
    });
    etags.push(response.headers.get("etag")!);
  }
});

describe("the calendar feeds under fuzzing", () => {
  it(
    "answer 200, 304 or 404, never a 5xx, and every 200 is iCalendar that ical.js reads",
    async () => {
      const seen = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(
          calls(),
          lang,
          conditionalHeaders(),
          fc.constantFrom("GET", "HEAD"),
          async (call, language, headers, method) => {
            const query = language === undefined ? "" : `?lang=${encoded(language)}`;
            const request = new Request(`http://localhost:3000${call.path}${query}`, { method, headers });
            const response = await call.handler(request, { params: Promise.resolve(call.params) });
            seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
            expect([200, 304, 404]).toContain(response.status);
            const body = await response.text();
            if (response.status === 200 && method === "GET") {
              expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
              expect(() => parseWithIcalJs(body)).not.toThrow();
            } else if (response.status !== 404) {
              expect(body).toBe("");
            }
          },
        ),
        fuzzParameters(300),
      );
      // The generators reach every answer, or the property proves less than it says.
      expect([...seen.keys()].sort()).toEqual([200, 304, 404]);
    },
    fuzzTimeout(),
  );
});
