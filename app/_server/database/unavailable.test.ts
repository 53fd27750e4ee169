/**
 * A database that cannot be reached, with real errors: the app's own Prisma client (PrismaPg) pointed at a
 * closed port, `pg` itself, and local sockets that stall or hang up. Each must be recognised as
 * "unavailable" and answered as such: 503 with Retry-After from route handlers and feeds, a form error in
 * the visitor's language from server actions, a 503 page from the proxy's gate. The shapes that need a
 * running server (57P01) are in unavailable.int.test.ts.
 */
import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { messages } from "@/app/_lib/i18n/messages";

// Before any app module reads the environment: the app's database is a port nobody listens on.
const CLOSED = "postgresql://postgres@127.0.0.1:1/unavailable";
process.env.DATABASE_URL = CLOSED;

const scope = vi.hoisted(() => ({ locale: "zh" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "192.0.2.1" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));
vi.mock("next-intl/server", async (original) => ({
  ...(await original<typeof import("next-intl/server")>()),
  getLocale: async () => scope.locale,
}));
vi.mock("@/app/_server/authz", async (original) => ({
  ...(await original<typeof import("@/app/_server/authz")>()),
  currentActor: async () => ({ id: "organizer", email: "o@example.org", name: "O", role: "organizer" }),
}));

const { isDatabaseUnavailable, isUniqueViolation } = await import("./errors");
const { asAppError, AppError } = await import("../errors");
const { PrismaClient } = await import("../generated/prisma/client");
const { db } = await import("../db");
const { availabilityProbe } = await import("./availability");

/** A link token of the right shape (43 base64url characters): the wrong shape never reaches the database. */
const TOKEN = "A".repeat(43);
const sentence = (locale: "de" | "en" | "zh") => messages[locale].validation.unavailable;

/** Runs `query` and returns what it threw. */
async function thrown(query: () => Promise<unknown>): Promise<unknown> {
  try {
    await query();
  } catch (error) {
    return error;
  }
  throw new Error("the query did not fail");
}

describe("recognising an unreachable database", () => {
  const servers: net.Server[] = [];
  const listen = async (onConnection: (socket: net.Socket) => void): Promise<number> => {
    const server = net.createServer(onConnection);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return (server.address() as net.AddressInfo).port;
  };
  afterAll(() => servers.forEach((server) => server.close()));

  it("knows Prisma's errors for a closed port: model queries, raw queries, transactions", async () => {
    const errors = [
      await thrown(() => db.meeting.findMany()),
      await thrown(() => db.$queryRaw`SELECT 1`),
      await thrown(() => db.$transaction(async (tx) => tx.meeting.count())),
    ];
    expect(errors.map((error) => (error as { code?: string }).code)).toEqual(["P1001", "P2010", "P1001"]);
    for (const error of errors) {
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(asAppError(error)).toMatchObject({ code: "unavailable", details: { retryAfterSeconds: 5 } });
    }
  });

  it("knows pg's own errors: a refused connection, a server that never answers, one that hangs up", async () => {
    const refused = await thrown(() => new pg.Client({ connectionString: CLOSED }).connect());
    expect(refused).toMatchObject({ code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(refused)).toBe(true);

    const silentPort = await listen(() => {});
    const silent = new PrismaClient({
      adapter: new PrismaPg({
        connectionString: `postgresql://postgres@127.0.0.1:${silentPort}/x`,
        connectionTimeoutMillis: 200,
      }),
    });
    const timedOut = await thrown(() => silent.meeting.findMany());
    expect(timedOut).toMatchObject({ message: "Connection terminated due to connection timeout" });
    expect(isDatabaseUnavailable(timedOut)).toBe(true);

    // The app's own clients give up connecting by themselves (database/adapter.ts, QuickConnectClient).
    const ownTimeout = await thrown(() =>
      new pg.Client({
        connectionString: `postgresql://postgres@127.0.0.1:${silentPort}/x`,
        connectionTimeoutMillis: 200,
      }).connect(),
    );
    expect(ownTimeout).toMatchObject({ message: "timeout expired" });
    expect(isDatabaseUnavailable(ownTimeout)).toBe(true);

    const hangUpPort = await listen((socket) => socket.destroy());
    const hangUp = new PrismaClient({
      adapter: new PrismaPg({ connectionString: `postgresql://postgres@127.0.0.1:${hangUpPort}/x` }),
    });
    const terminated = await thrown(() => hangUp.$queryRaw`SELECT 1`);
    expect(terminated).toMatchObject({ message: "Connection terminated unexpectedly" });
    expect(isDatabaseUnavailable(terminated)).toBe(true);
  });

  it("leaves every other error alone", () => {
    const unique = Object.assign(new Error("Unique constraint failed"), {
      code: "P2002",
      meta: { target: ["email"] },
    });
    expect(isUniqueViolation(unique)).toBe(true);
    expect(isDatabaseUnavailable(unique)).toBe(false);
    expect(isDatabaseUnavailable(new Error("Connection string is invalid"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("Connection terminated"), { code: "XX000" }))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(new AppError("not_found"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(asAppError(new TypeError("bug"))).toBeNull();
  });
});

describe("answering while the database is away", () => {
  it("the JSON API: 503, Retry-After and the sentence in the client's language", async () => {
    const { POST } = await import("@/app/api/meetings/[slug]/registrations/route");
    const response = await POST(
      new Request("http://localhost/api/meetings/2017/registrations", {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": "de-DE,de;q=0.9" },
        body: JSON.stringify({ givenName: "Anna" }),
      }),
      { params: Promise.resolve({ slug: "2017" }) },
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({ error: { code: "unavailable", message: sentence("de") } });
  });

  it("a delegate's data export: 503 as JSON, still private", async () => {
    const { GET } = await import("@/app/api/manage/[token]/export/route");
    const response = await GET(new Request("http://localhost/api/manage/x/export"), {
      params: Promise.resolve({ token: TOKEN }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual({ error: { code: "unavailable", message: sentence("en") } });
  });

  it("calendar feeds: 503 in plain text with Retry-After, public and personal", async () => {
    const { meetingFeed, personalCalendarFeed } = await import("@/app/_http/calendar-feeds");
    for (const response of [
      await meetingFeed(new Request("http://localhost/calendar/2017.ics"), {
        params: Promise.resolve({ slug: "2017.ics" }),
      }),
      await personalCalendarFeed(new Request("http://localhost/calendar/personal/x.ics"), {
        params: Promise.resolve({ token: `${TOKEN}.ics` }),
      }),
    ]) {
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("back-office actions: a form error in the visitor's language, with what was typed", async () => {
    const { backOfficeAction } = await import("../action");
    const save = backOfficeAction("editProgram", async () => {
      await db.room.findMany();
      return { ok: true };
    });
    const form = new FormData();
    form.set("name", "Saal 2");
    scope.locale = "zh";
    expect(await save({ ok: false }, form)).toEqual({
      ok: false,
      message: sentence("zh"),
      values: { name: "Saal 2" },
      code: "unavailable",
    });
  });

  it("the public registration form: the same, nothing typed is lost", async () => {
    const { registerAction } = await import("@/app/[locale]/meetings/[slug]/register/actions");
    const form = new FormData();
    form.set("givenName", "Anna");
    form.set("email", "anna@example.org");
    const state = await registerAction("2017", "de", { ok: false }, form);
    expect(state).toMatchObject({
      ok: false,
      message: sentence("de"),
      values: { givenName: "Anna", email: "anna@example.org" },
    });
  });

  it("pages: the proxy's gate answers 503 with a page in the path's language; server actions pass", async () => {
    const { unavailablePageGate } = await import("@/app/_http/unavailable-page");
    const page = await unavailablePageGate(new Request("http://localhost/zh/meetings/2017/agenda"));
    expect(page?.status).toBe(503);
    expect(page?.headers.get("retry-after")).toBe("5");
    const html = await page!.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain(messages.zh.unavailable.body);

    const root = await unavailablePageGate(
      new Request("http://localhost/", { headers: { "accept-language": "en-GB,en;q=0.8" } }),
    );
    expect(await root!.text()).toContain(messages.en.unavailable.body);

    const action = new Request("http://localhost/de/meetings/2017/register", {
      method: "POST",
      headers: { "next-action": "abc" },
    });
    expect(await unavailablePageGate(action)).toBeNull();
  });
});

describe("the availability probe", () => {
  const probe = availabilityProbe(CLOSED, () => {});
  afterAll(() => probe.close());

  it("says no for a closed port", async () => {
    const answers = await Promise.all([probe.isAvailable(), probe.isAvailable(), probe.isAvailable()]);
    expect(answers).toEqual([false, false, false]);
  });
});
