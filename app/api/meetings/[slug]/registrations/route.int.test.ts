/** The registration endpoint as a client sees it: the real route handler on a real database. */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { env } from "@/app/_server/env";
import { seedDemo } from "@/prisma/seed";
import { delegate } from "@/test/integration/factories";
import { POST } from "./route";

const context = (slug = "2017") => ({ params: Promise.resolve({ slug }) });

function post(body: unknown, headers: Record<string, string> = {}, slug = "2017") {
  const request = new Request(`http://localhost/api/meetings/${slug}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return POST(request, context(slug));
}

beforeAll(async () => {
  await seedDemo(db);
});

describe("POST /api/meetings/{slug}/registrations", () => {
  it("answers 201 with the registration, the same 201 for a retried key, 409 for the address again", async () => {
    const input = delegate();
    const first = await post(input, { "idempotency-key": "client-key-1" });
    expect(first.status).toBe(201);
    const body = await first.json();
    expect(body).toEqual({
      id: expect.any(String),
      status: "confirmed",
      sessions: [],
      manageUrl: expect.stringMatching(/^http:\/\/localhost:3000\/zh\/manage\/[\w-]{43}$/),
    });

    const retry = await post(input, { "idempotency-key": "client-key-1" });
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual(body);

    const again = await post(input);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      error: { code: "already_registered", fields: [{ path: "email", code: "alreadyRegistered" }] },
    });
  });

  it("answers 422 with field paths and messages in the visitor's language, 400 for a body that is not JSON", async () => {
    const response = await post(
      { givenName: "王", email: "x", role: "chef", sessionIds: "all" },
      { "accept-language": "de-DE,de;q=0.9" },
    );
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("invalid");
    expect(error.message).toBe("Bitte prüfen Sie die markierten Felder.");
    expect(
      Object.fromEntries(
        error.fields.map((field: { path: string; code: string }) => [field.path, field.code]),
      ),
    ).toEqual({
      givenName: "latinScript",
      familyName: "required",
      email: "email",
      role: "invalidChoice",
      language: "invalidChoice",
      cityId: "cityOrOther",
      sessionIds: "invalidChoice",
      privacyConsent: "privacyConsent",
    });
    expect(error.fields.find((field: { path: string }) => field.path === "email").message).toBe(
      "Bitte eine gültige E-Mail-Adresse angeben.",
    );

    const malformed = await post("{not json");
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe("malformed");
    expect((await post(delegate(), {}, "1999")).status).toBe(404);
  });

  it("refuses what could never be a registration with 4xx, never 500", async () => {
    const cases: [string, () => Promise<Response>, number][] = [
      ["a form post", () => post(JSON.stringify(delegate()), { "content-type": "text/plain" }), 400],
      ["a body past 64 KiB", () => post({ ...delegate(), organization: "x".repeat(70_000) }), 413],
      ["an array", () => post([delegate()]), 422],
      ["null", () => post("null"), 422],
      ["a NUL byte in a session id", () => post(delegate({ sessionIds: ["\u0000"] })), 422],
      ["a NUL byte in a name", () => post(delegate({ familyName: "Wa\u0000ng" })), 201],
      ["a NUL byte in the slug", () => post(delegate(), {}, "20\u000017"), 404],
    ];
    for (const [what, send, status] of cases) expect((await send()).status, what).toBe(status);
  });

  it("answers 429 with Retry-After once a client is over the limit; other clients go on", async () => {
    // Thirteen requests from this client so far (the tests above); use up the rest.
    for (let count = 13; count < env().RATE_LIMIT_REGISTRATIONS; count++)
      expect((await post(delegate())).status).toBe(201);
    const limited = await post(delegate());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("rate_limited");
    expect((await post(delegate(), { "x-forwarded-for": "203.0.113.10" })).status).toBe(201);
  });
});
