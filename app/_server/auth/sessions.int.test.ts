/** Session rows: a lifetime from sign-in, an idle timeout, and nothing left behind once they end. */
import { describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { env } from "@/app/_server/env";
import { createActor } from "@/test/integration/actors";
import { liveSession, startSession, sweepSessions } from "./sessions";

const MINUTE = 60_000;
const start = new Date("2017-04-24T07:30:00Z");
const after = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);

describe("a session", () => {
  it("lives AUTH_SESSION_HOURS from sign-in however busy, and writes its last use at most once a minute", async () => {
    const actor = await createActor("organizer");
    const id = await startSession(actor.id, "Mozilla/5.0 (Windows NT 10.0) Chrome/140.0", start);
    const lifetime = env().AUTH_SESSION_HOURS * 60;
    expect(await liveSession(id, after(0.5))).toMatchObject({
      id: actor.id,
      role: "organizer",
      sessionId: id,
      secondFactorDue: false,
    });
    expect((await db.userSession.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(start);
    // In use every 30 minutes until the end of its lifetime: never idle, and still it ends.
    for (let minutes = 30; minutes < lifetime; minutes += 30)
      expect(await liveSession(id, after(minutes))).not.toBeNull();
    expect((await db.userSession.findUniqueOrThrow({ where: { id } })).expiresAt).toEqual(after(lifetime));
    expect(await liveSession(id, after(lifetime))).toBeNull();
    expect(await db.userSession.count({ where: { id } })).toBe(0);
  });

  it("ends after AUTH_IDLE_MINUTES without a request", async () => {
    const actor = await createActor("checkin");
    const id = await startSession(actor.id, null, start);
    const idle = env().AUTH_IDLE_MINUTES;
    expect(await liveSession(id, after(idle - 1))).not.toBeNull();
    expect(await liveSession(id, after(2 * idle - 2))).not.toBeNull();
    expect(await liveSession(id, after(3 * idle - 2))).toBeNull();
  });

  it("ends with its account's disabling, and is unknown by any other id", async () => {
    const actor = await createActor("organizer");
    const id = await startSession(actor.id, null, start);
    await db.user.update({ where: { id: actor.id }, data: { disabledAt: new Date() } });
    expect(await liveSession(id, after(1))).toBeNull();
    expect(await liveSession("x".repeat(22), after(1))).toBeNull();
    expect(await liveSession(undefined, after(1))).toBeNull();
    expect(await liveSession("x".repeat(5000), after(1))).toBeNull();
  });

  it("says a second factor is due when an admin requires one for the role and the account has none", async () => {
    const actor = await createActor("checkin");
    const id = await startSession(actor.id, null, start);
    await db.rolePolicy.upsert({
      where: { role: "checkin" },
      create: { role: "checkin", requireTwoFactor: true },
      update: { requireTwoFactor: true },
    });
    try {
      expect(await liveSession(id, after(1))).toMatchObject({ secondFactorDue: true });
      await db.user.update({ where: { id: actor.id }, data: { totpSecret: "v1.sealed" } });
      expect(await liveSession(id, after(2))).toMatchObject({ secondFactorDue: false });
    } finally {
      await db.rolePolicy.delete({ where: { role: "checkin" } });
    }
  });

  it("is swept once past its lifetime or idle time", async () => {
    const actor = await createActor("organizer");
    const ended = await startSession(actor.id, null, start);
    const live = await startSession(actor.id, null, after(env().AUTH_IDLE_MINUTES));
    expect(await sweepSessions(after(env().AUTH_IDLE_MINUTES + 1))).toBeGreaterThanOrEqual(1);
    expect(
      (await db.userSession.findMany({ where: { userId: actor.id }, select: { id: true } })).map(
        (row) => row.id,
      ),
    ).toEqual([live]);
    expect(ended).not.toBe(live);
  });
});
