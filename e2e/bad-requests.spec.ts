import http from "node:http";
import fc from "fast-check";
import { fuzzParameters, malformedSegment, oddSegment } from "../test/fuzz";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * Bad requests to every family of addresses (pages public and of the back office, the JSON API, the
 * feeds, server actions, Next's files and unknown files) against the production server: a 4xx, never a
 * 5xx, and always the security headers, also on a 404. Malformed addresses are 400, action bodies past
 * the limit 413, action arguments React cannot decode 400 (app/_http/request-gate.ts).
 *
 * Requests go out through node:http, which sends a path byte for byte: Playwright's client resolves dot
 * segments and escapes what it finds unsafe first. Runs and replays: see test/fuzz.ts.
 */

test.skip(({ isMobile }) => isMobile, "one pass over HTTP is enough");

/** Next's (and the proxy's) limit of a server action's body: 1 MB. */
const ACTION_LIMIT = 1024 * 1024;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request as given: the path unchanged, a body with Content-Length or, `chunked`, without. */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer; chunked?: boolean } = {},
): Promise<Answer> {
  const base = new URL(test.info().project.use.baseURL!);
  const headers: Record<string, string> = { ...options.headers };
  if (options.body && !options.chunked) headers["content-length"] = String(options.body.length);
  return new Promise((resolve, reject) => {
    const sent = http.request(
      {
        host: base.hostname,
        port: base.port,
        path,
        method: options.method ?? "GET",
        headers,
        maxHeaderSize: 128 * 1024,
        agent: false,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () =>
          resolve({
            status: answer.statusCode!,
            headers: answer.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    sent.on("error", reject);
    if (options.body && options.chunked) {
      // Several writes without a length: Node sends them chunked.
      for (let at = 0; at < options.body.length; at += 256 * 1024)
        sent.write(options.body.subarray(at, at + 256 * 1024));
    } else if (options.body) sent.write(options.body);
    sent.end();
  });
}

/** The headers every answer carries, error or not. */
function expectSecurityHeaders(answer: Answer, what: string): void {
  const { headers } = answer;
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(String(headers["content-security-policy"] ?? ""), what).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["referrer-policy"], what).toMatch(
    /^(strict-origin-when-cross-origin|no-referrer|same-origin)$/,
  );
}

/** A 4xx with the headers, and a short body without a stack. */
function expectRefusal(answer: Answer, what: string, status?: number): void {
  expect(answer.status, what).toBeGreaterThanOrEqual(400);
  expect(answer.status, what).toBeLessThan(500);
  if (status !== undefined) expect(answer.status, what).toBe(status);
  expectSecurityHeaders(answer, what);
}

/** Where a bad segment goes: somewhere in an address of each family. */
const FAMILIES: [string, (segment: string) => string][] = [
  ["public page", (s) => `/en/meetings/${s}/agenda`],
  ["manage page", (s) => `/de/manage/${s}`],
  ["page without language", (s) => `/${s}`],
  ["back office", (s) => `/en/admin/meetings/2017/sessions/${s}`],
  ["API", (s) => `/api/meetings/${s}`],
  ["API of the back office", (s) => `/api/admin/meetings/2017/sessions/${s}/run-of-show.ics`],
  ["API catch-all", (s) => `/api/${s}/x`],
  ["feed", (s) => `/calendar/2017/tracks/${s}.ics`],
  ["personal feed", (s) => `/calendar/personal/${s}.ics`],
  ["Next's files", (s) => `/_next/static/chunks/${s}.js`],
  ["file", (s) => `/${s}.txt`],
];
const family = fc.constantFrom(...FAMILIES);

/** The registration form's server action, as its page names it to the browser, and the site's origin. */
async function registrationAction(request: APIRequestContext): Promise<{ actionId: string; origin: string }> {
  const html = await (await request.get("/en/meetings/2017/register")).text();
  const actionId = /id&quot;:&quot;([0-9a-f]{40,})&quot;/.exec(html)?.[1];
  expect(actionId, "the registration form's action").toBeTruthy();
  return { actionId: actionId!, origin: new URL(test.info().project.use.baseURL!).origin };
}

test("a malformed address is a 400 with the security headers, in every family", async () => {
  await fc.assert(
    fc.asyncProperty(
      family,
      malformedSegment,
      fc.constantFrom("GET", "HEAD", "POST"),
      async ([name, at], segment, method) => {
        const path = at(segment);
        const answer = await send(path, { method, headers: { "accept-language": "zh-CN,zh;q=0.9" } });
        expectRefusal(answer, `${method} ${path} (${name})`, 400);
        expect(answer.body.length, path).toBeLessThan(200);
      },
    ),
    fuzzParameters(120),
  );
});

test("odd but well-formed addresses (dot segments, long segments, escapes) never get a 5xx or lose the headers", async () => {
  await fc.assert(
    fc.asyncProperty(
      family,
      fc.array(oddSegment, { minLength: 1, maxLength: 2 }),
      async ([name, at], segments) => {
        const path = at(segments.join("/"));
        const answer = await send(path);
        // The address for a report, with its long runs told by their length.
        const what = `${path.replace(/(%C3%A9|A|x)\1{19,}/g, (run) => `<${run.length} characters>`)} (${name})`;
        // Dot segments resolve (RFC 3986) and may lead to a real address: a 2xx or a redirect is right then.
        expect(answer.status, what).toBeLessThan(500);
        // Next's own redirect of an address ending in a slash (a dot segment at the end becomes one) comes
        // before any header rule of next.config.js and the proxy: an empty 308, nothing to frame or sniff.
        if (answer.status !== 308) expectSecurityHeaders(answer, what);
      },
    ),
    fuzzParameters(80),
  );
});

test("an unknown address is a 404 with the security headers, in every family", async () => {
  for (const path of [
    "/en/no-such-page",
    "/zh/meetings/no-such-meeting/agenda",
    "/en/admin/sign-in/no-such-page",
    "/api/no-such-endpoint",
    "/api/meetings/no-such-meeting",
    "/calendar/no-such-meeting.ics",
    "/calendar/2017/tracks/no-such-track",
    "/_next/static/chunks/no-such-chunk.js",
    "/no-such-file.txt",
  ]) {
    expectRefusal(await send(path), path, 404);
  }
});

test("a server action with a body past the limit, nested too deep, with too many arguments or not decodable is a 4xx with the headers", async ({
  request,
}) => {
  const { actionId, origin } = await registrationAction(request);

  const text = (value: string) => ({ type: "text/plain;charset=UTF-8", body: Buffer.from(value) });
  const multipart = (fields: [string, string][]) => {
    const boundary = `----fuzz${crypto.randomUUID()}`;
    const parts = fields.map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    );
    return {
      type: `multipart/form-data; boundary=${boundary}`,
      body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`),
    };
  };
  const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
  // What a body is, and the status it must get.
  const body = fc.oneof(
    fc
      .integer({ min: ACTION_LIMIT + 1, max: ACTION_LIMIT + 200_000 })
      .map((size) => ({ ...text(`["${"x".repeat(size)}"]`), status: 413 })),
    fc.integer({ min: 65, max: 30_000 }).map((depth) => ({ ...text(nested(depth)), status: 400 })),
    fc.integer({ min: 65, max: 30_000 }).map((depth) => ({
      ...multipart([
        ["0", `["$K1",${nested(depth)}]`],
        ["1_email", "x@example.org"],
      ]),
      status: 400,
    })),
    fc
      .integer({ min: 65, max: 5_000 })
      .map((count) => ({ ...text(JSON.stringify(Array(count).fill("$undefined"))), status: 400 })),
    fc
      .constantFrom("[{", "{}", '"x"', "", "garbage", "[1,]")
      .map((broken) => ({ ...text(broken), status: 400 })),
    fc.constant({
      type: "multipart/form-data; boundary=nothing-like-it",
      body: Buffer.from("garbage"),
      status: 400,
    }),
  );
  const page = fc.constantFrom(
    "/en/meetings/2017/register",
    "/zh/meetings/2017",
    "/en/admin/meetings/2017/day",
    "/de/manage/x",
  );
  const id = fc.oneof(fc.constant(actionId!), fc.stringMatching(/^[0-9a-f]{42}$/));
  await fc.assert(
    fc.asyncProperty(
      body,
      page,
      id,
      fc.boolean(),
      async ({ type, body: bytes, status }, path, action, chunked) => {
        const answer = await send(path, {
          method: "POST",
          headers: { origin, "next-action": action, "content-type": type },
          body: bytes,
          chunked,
        });
        expectRefusal(
          answer,
          `${path} ${type} ${bytes.length} bytes${chunked ? " chunked" : ""}: ${bytes.subarray(0, 60).toString()}`,
          status,
        );
      },
    ),
    fuzzParameters(40),
  );

  // A form posted without JavaScript (no Next-Action header): the same limit.
  const big = multipart([
    ["$ACTION_ID_" + actionId, ""],
    ["givenName", "x".repeat(ACTION_LIMIT)],
  ]);
  expectRefusal(
    await send("/en/meetings/2017/register", {
      method: "POST",
      headers: { origin, "content-type": big.type },
      body: big.body,
    }),
    "a big form",
    413,
  );
});

test("a public server action called with arguments of the wrong kind refuses them, never with a 5xx", async ({
  request,
}) => {
  const { actionId, origin } = await registrationAction(request);
  // Plain JSON values where the page binds a slug, a language, the previous state and the form, and
  // React's `$` forms, with references to rows and paths that are not there.
  const reactForm = fc.oneof(
    fc.constantFrom("$", "$undefined", "$K1", "$@1", "$0", "$0:0", "$0:9:x", "$5", "$Q0", "$nx", "$T", "$D"),
    fc.string({ maxLength: 6 }).map((rest) => `$${rest}`),
  );
  const textOrForm = fc.oneof(fc.string({ maxLength: 300 }), reactForm);
  const argument = fc.oneof(
    textOrForm,
    fc.integer(),
    fc.constant(null),
    fc.dictionary(fc.string({ maxLength: 5 }), textOrForm, { maxKeys: 3 }),
    fc.constantFrom("en", "2017"),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(argument, { maxLength: 5 }), async (args) => {
      const body = Buffer.from(JSON.stringify(args));
      const answer = await send("/en/meetings/2017/register", {
        method: "POST",
        headers: { origin, "next-action": actionId!, "content-type": "text/plain;charset=UTF-8" },
        body,
      });
      expect(answer.status, `${JSON.stringify(args)}: ${answer.body.slice(0, 300)}`).toBeLessThan(500);
    }),
    fuzzParameters(30),
  );

  // The site's own Origin on a request made to another host (a hand-made request, or a proxy that passes
  // no Host on): Next would refuse it with a 500.
  const body = Buffer.from(JSON.stringify([]));
  for (const headers of [
    { host: "other.example" },
    { host: "other.example", "x-forwarded-host": "another.example" },
  ] as Record<string, string>[]) {
    const answer = await send("/en/meetings/2017/register", {
      method: "POST",
      headers: { ...headers, origin, "next-action": actionId!, "content-type": "text/plain;charset=UTF-8" },
      body,
    });
    expectRefusal(answer, `Origin ${origin}, ${JSON.stringify(headers)}`, 403);
  }
});
