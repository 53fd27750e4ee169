/**
 * Property-based fuzzing of the registration endpoint: the real route handler on a real database, fed
 * with generated garbage and near-valid registrations. Whatever arrives, the answer is a 2xx or a 4xx
 * in the documented error shape, and what was stored still satisfies the registration's own schema and
 * the seat invariant. Runs and replays: see test/fuzz.ts.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { seedDemo } from "@/prisma/seed";
import { delegate, limitedSession } from "@/test/integration/factories";
import { itStoredOnlyValidRegistrations } from "@/test/integration/stored-registrations";
import {
  brokenJson,
  fuzzParameters,
  fuzzTimeout,
  hostileString,
  hostileValue,
  idempotencyKeys,
  isHeaderValue,
  pathSegment,
  pollutionKeys,
} from "@/test/fuzz";
import { POST } from "./route";

let sent = 0;
/** A fresh client address per request: the rate limit must not hide what the handler would do. */
function clientAddress(): string {
  sent += 1;
  return `10.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${sent & 255}`;
}

/** A path segment for the request's URL; a lone surrogate (which encodeURIComponent refuses) as "_". */
function safeSegment(segment: string): string {
  try {
    return encodeURIComponent(segment);
  } catch {
    return "_";
  }
}

type Sent = { slug?: string; body: string; headers?: Record<string, string | undefined> };

async function send({ slug = "2017", body, headers = {} }: Sent): Promise<Response> {
  const defined = Object.fromEntries(
    Object.entries({ "content-type": "application/json", ...headers }).filter(
      ([, value]) => value !== undefined,
    ),
  ) as Record<string, string>;
  // The URL only carries ?lang; the handler reads the slug from its params, as Next passes them.
  const request = new Request(`http://localhost/api/meetings/${safeSegment(slug)}/registrations`, {
    method: "POST",
    headers: { ...defined, "x-forwarded-for": clientAddress() },
    body,
  });
  return POST(request, { params: Promise.resolve({ slug }) });
}

const ERROR_CODES = [
  "malformed",
  "too_large",
  "invalid",
  "already_registered",
  "registration_closed",
  "not_found",
  "idempotency_conflict",
];

/** Every answer: no 5xx; a 4xx is `{ error: { code, message } }` JSON; a 201 is a registration. */
async function expectSound(response: Response): Promise<void> {
  expect(response.status).toBeLessThan(500);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = await response.json();
  if (response.status === 201) {
    expect(body).toMatchObject({
      id: expect.any(String),
      status: expect.stringMatching(/^(pending|confirmed)$/),
      manageUrl: expect.any(String),
    });
    return;
  }
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(body).toEqual({
    error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
  });
  expect(ERROR_CODES).toContain(body.error.code);
  expect(body.error.message.length).toBeGreaterThan(0);
}

let sessionIds: string[] = [];
let cityIds: string[] = [];

beforeAll(async () => {
  await seedDemo(db);
  const meeting = await db.meeting.findUniqueOrThrow({ where: { slug: "2017" }, select: { id: true } });
  // Small sessions fill up during the run, so that waiting lists and full sessions are fuzzed too.
  const small = [await limitedSession(1, 0), await limitedSession(3, 1)];
  const published = await db.session.findMany({
    where: { meetingId: meeting.id, status: "published", capacity: { not: null } },
    select: { id: true },
    take: 4,
  });
  sessionIds = [...small, ...published.map(({ id }) => id)];
  cityIds = (await db.city.findMany({ select: { id: true }, take: 5 })).map(({ id }) => id);
});

const registrationFields = Object.keys(delegate());

/** A registration that would pass, with some fields replaced by anything at all (or by text that may still pass). */
const nearValid = () =>
  fc
    .record({
      sessions: fc.subarray(sessionIds, { maxLength: 4 }),
      city: fc.option(fc.constantFrom(...cityIds), { nil: null }),
      mutations: fc.dictionary(
        fc.oneof(fc.constantFrom(...registrationFields), fc.constantFrom(...pollutionKeys)),
        fc.oneof(hostileString({ maxHuge: 70_000 }), hostileValue({ maxHuge: 2_000 })),
        { maxKeys: 3 },
      ),
    })
    .map(({ sessions, city, mutations }) => {
      const base: Record<string, unknown> = {
        ...delegate({ sessionIds: sessions }),
        ...(city ? { cityId: city, cityOther: null } : {}),
      };
      // defineProperty: "__proto__" becomes an own key, as JSON.parse makes it on the server.
      for (const [key, value] of Object.entries(mutations))
        Object.defineProperty(base, key, { value, enumerable: true, writable: true, configurable: true });
      return JSON.stringify(base);
    });

const contentTypes = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  undefined,
  "",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/jsonp",
  "application/json\t;x=1",
);

const headerText = fc.string({ maxLength: 80 }).filter(isHeaderValue);

describe("POST /api/meetings/{slug}/registrations under fuzzing", () => {
  it(
    "answers any JSON value with a 4xx in the error shape (or 201), never a 5xx",
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileValue({ maxHuge: 70_000 }), async (value) => {
          await expectSound(await send({ body: JSON.stringify(value) ?? "null" }));
        }),
        fuzzParameters(150),
      );
    },
    fuzzTimeout(),
  );

  it(
    "answers near-valid registrations with one or more fields mutated with 201, 409, 413 or 422",
    async () => {
      await fc.assert(
        fc.asyncProperty(nearValid(), idempotencyKeys, async (body, key) => {
          const response = await send({ body, headers: { "idempotency-key": key } });
          expect([201, 400, 409, 413, 422]).toContain(response.status);
          await expectSound(response);
        }),
        fuzzParameters(120),
      );
    },
    fuzzTimeout(),
  );

  it(
    "answers broken JSON, odd content types, headers and slugs with a 4xx (or 201), never a 5xx",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(brokenJson, nearValid(), fc.constant(JSON.stringify(delegate()))),
          contentTypes,
          idempotencyKeys,
          pathSegment(["2017", "2018"]),
          fc.record({
            "accept-language": fc.option(headerText, { nil: undefined }),
            "content-length": fc.option(fc.constantFrom("0", "-1", "99999999999", "abc"), { nil: undefined }),
          }),
          async (body, contentType, key, slug, extra) => {
            await expectSound(
              await send({
                slug,
                body,
                headers: {
                  "content-type": contentType,
                  "idempotency-key": key,
                  "accept-language": extra["accept-language"],
                },
              }),
            );
          },
        ),
        fuzzParameters(150),
      );
    },
    fuzzTimeout(),
  );

  itStoredOnlyValidRegistrations();
});
