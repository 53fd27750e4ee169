import { beforeAll, describe, expect, it } from "vitest";
import * as personalRoute from "@/app/calendar/personal/[token]/route";
import { db } from "@/app/_server/db";
import { AppError } from "@/app/_server/errors";
import {
  personalCalendarToken,
  personalFeedPath,
  rotateCalendarToken,
} from "@/app/_server/self-service/calendar-link";
import { cancelRegistration } from "@/app/_server/self-service/manage";
import { manageTokenOf, register } from "@/app/_server/registration/register";
import { hashToken, newToken } from "@/app/_server/security/tokens";
import { seedDemo } from "@/prisma/seed";
import { parseWithIcalJs, parseWithNodeIcal } from "@/test/ical";
import { delegate, demoMeetingId, limitedSession } from "@/test/integration/factories";
import { publicFeed } from "../agenda/calendar-feeds";
import { sessionUid } from "../calendar/ics";

function get(token: string, init: RequestInit = {}): Promise<Response> {
  return personalRoute.GET(new Request(`http://localhost:3000${personalFeedPath(token)}`, init), {
    params: Promise.resolve({ token: `${token}.ics` }),
  });
}

let meetingId: string;

beforeAll(async () => {
  await seedDemo(db);
  meetingId = await demoMeetingId();
});

describe("the personal calendar feed", () => {
  it("holds confirmed seats, waiting-list places as tentative, and the sessions everyone attends", async () => {
    const roomy = await limitedSession(30, 0);
    const full = await limitedSession(1, 2);
    await register("2017", delegate({ sessionIds: [full] }), { locale: "en" });
    const answer = await register("2017", delegate({ sessionIds: [roomy, full], language: "en" }), {
      locale: "en",
    });
    expect(answer.sessions.map((seat) => seat.status).sort()).toEqual(["confirmed", "waitlisted"]);
    const token = await rotateCalendarToken(manageTokenOf(answer));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(personalFeedPath(token)).toBe(`/calendar/personal/${token}.ics`);
    expect(
      (await db.accessToken.findMany({ where: { registrationId: answer.id, purpose: "calendar" } })).map(
        (row) => row.hash,
      ),
    ).toEqual([hashToken(token)]);

    const response = await get(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-robots-tag")).toBe("noindex");
    const text = await response.text();
    const parsed = parseWithIcalJs(text);
    expect(parsed.name).toMatch(/ – my sessions$/);
    const statusOf = new Map(parsed.events.map((event) => [event.uid, event.status]));
    expect(statusOf.get(sessionUid(roomy, "localhost"))).toBe("CONFIRMED");
    expect(statusOf.get(sessionUid(full, "localhost"))).toBe("TENTATIVE");
    const open = await db.session.findMany({
      where: { meetingId, status: "published", capacity: null },
      select: { id: true },
    });
    expect(open.length).toBeGreaterThan(0);
    for (const { id } of open) expect(statusOf.get(sessionUid(id, "localhost"))).toBe("CONFIRMED");
    expect(parsed.events).toHaveLength(open.length + 2);
    // The sessions with seats nobody here took stay out.
    const others = await db.session.findMany({
      where: { meetingId, capacity: { not: null }, id: { notIn: [roomy, full] } },
      select: { id: true },
    });
    for (const { id } of others) expect(statusOf.has(sessionUid(id, "localhost"))).toBe(false);
    expect(
      parseWithNodeIcal(text)
        .map((event) => event.uid)
        .sort(),
    ).toEqual([...statusOf.keys()].sort());

    const etag = response.headers.get("etag")!;
    const again = await get(token, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("cache-control")).toBe("private, max-age=300");
  });

  it("stops answering the old link at once when the link is renewed", async () => {
    const answer = await register("2017", delegate(), { locale: "de" });
    const first = await rotateCalendarToken(manageTokenOf(answer));
    expect((await get(first)).status).toBe(200);
    const second = await rotateCalendarToken(manageTokenOf(answer));
    expect(second).not.toBe(first);
    expect((await get(first)).status).toBe(404);
    expect((await get(second)).status).toBe(200);
    expect(await db.accessToken.count({ where: { registrationId: answer.id, purpose: "calendar" } })).toBe(1);
  });

  it("shows the same address again without ending it, and only a new address ends the old ones", async () => {
    const answer = await register("2017", delegate(), { locale: "de" });
    // A link made before addresses were derived: random, stored as its hash, shown once.
    const legacy = newToken();
    await db.accessToken.create({
      data: { hash: hashToken(legacy), registrationId: answer.id, purpose: "calendar" },
    });
    const shown = await personalCalendarToken(answer.id);
    expect(shown).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await personalCalendarToken(answer.id)).toBe(shown);
    expect([(await get(shown)).status, (await get(legacy)).status]).toEqual([200, 200]);
    // Only hashes are stored: the legacy one and the shown one.
    expect(
      (await db.accessToken.findMany({ where: { registrationId: answer.id, purpose: "calendar" } }))
        .map((row) => row.hash)
        .sort(),
    ).toEqual([hashToken(legacy), hashToken(shown)].sort());

    const renewed = await rotateCalendarToken(manageTokenOf(answer));
    expect(renewed).not.toBe(shown);
    expect(await personalCalendarToken(answer.id)).toBe(renewed);
    expect([(await get(shown)).status, (await get(legacy)).status, (await get(renewed)).status]).toEqual([
      404, 404, 200,
    ]);
    expect(
      await db.registration.findUniqueOrThrow({
        where: { id: answer.id },
        select: { calendarGeneration: true },
      }),
    ).toEqual({ calendarGeneration: 1 });
  });

  it("does not open with a manage token, an unknown or a malformed one", async () => {
    const answer = await register("2017", delegate(), { locale: "de" });
    for (const token of [manageTokenOf(answer), "A".repeat(43), "short", "../etc/passwd"]) {
      expect((await get(token)).status, token).toBe(404);
    }
    const bare = await personalRoute.GET(new Request("http://localhost:3000/calendar/personal/x"), {
      params: Promise.resolve({ token: manageTokenOf(answer) }),
    });
    expect(bare.status).toBe(404);
  });

  it("refuses a new link for a cancelled registration and for an unknown manage token", async () => {
    const answer = await register("2017", delegate(), { locale: "de" });
    await cancelRegistration(manageTokenOf(answer));
    const refused = await rotateCalendarToken(manageTokenOf(answer)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("not_editable");
    const unknown = await rotateCalendarToken("B".repeat(43)).catch((error: unknown) => error);
    expect((unknown as AppError).code).toBe("not_found");
  });
});

describe("the public feed cache", () => {
  it("serves an unchanged feed without rebuilding it, and rebuilds after a change", async () => {
    const first = await publicFeed("2017", { type: "meeting" }, "en");
    expect(await publicFeed("2017", { type: "meeting" }, "en")).toBe(first);
    const session = await db.session.findFirstOrThrow({ where: { meetingId, slug: "eroeffnung" } });
    await db.room.update({ where: { id: session.roomId! }, data: { location: "Halle 2" } });
    const changed = await publicFeed("2017", { type: "meeting" }, "en");
    expect(changed).not.toBe(first);
    expect(changed!.etag).not.toBe(first!.etag);
    expect(new TextDecoder().decode(changed!.bytes)).toContain("Halle 2");
  });
});
