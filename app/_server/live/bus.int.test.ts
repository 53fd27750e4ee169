/**
 * The bus: a change announced in a transaction reaches listeners when it commits and never when it rolls
 * back; on PostgreSQL, two separate listening connections (two instances) both get it, and a listener
 * whose connection is killed comes back and tells its subscribers to catch up.
 */
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { configuredTarget } from "../database/target";
import { db } from "../db";
import { eventually } from "@/test/integration/eventually";
import { announce, LiveBus, liveBus } from "./bus";

const onPostgres = inject("dbTier") === "postgres";

function collect(bus: LiveBus, topic: string) {
  const received: (string | null)[] = [];
  const stop = bus.subscribe(topic, (detail) => received.push(detail));
  return { received, stop };
}

describe("the live bus", () => {
  it("delivers a committed announcement by topic, and nothing of a rolled-back one", async () => {
    const bus = liveBus();
    const mine = collect(bus, "topic-a");
    const other = collect(bus, "topic-b");
    await bus.listening();
    await expect(
      db.$transaction(async (tx) => {
        await announce(tx, "topic-a", "rolled-back");
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    await db.$transaction(async (tx) => {
      await announce(tx, "topic-a", "7");
      expect(mine.received).toEqual([]);
    });
    await eventually(() => (mine.received.length > 0 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(mine.received).toEqual(["7"]);
    expect(other.received).toEqual([]);
    mine.stop();
    other.stop();
    expect(bus.subscriberCount).toBe(0);
  });

  it.runIf(onPostgres)("two instances' listeners both receive a change", async () => {
    const [first, second] = [new LiveBus(configuredTarget()), new LiveBus(configuredTarget())];
    const a = collect(first, "session-x");
    const b = collect(second, "session-x");
    await Promise.all([first.listening(), second.listening()]);
    await db.$transaction((tx) => announce(tx, "session-x", "3"));
    await eventually(() => (a.received.length && b.received.length ? true : undefined));
    expect([a.received, b.received]).toEqual([["3"], ["3"]]);
    a.stop();
    b.stop();
  });

  it.runIf(onPostgres)(
    "a dropped connection is opened again, and subscribers are told to catch up",
    async () => {
      const bus = new LiveBus(configuredTarget());
      const { received, stop } = collect(bus, "session-y");
      await bus.listening();
      await db.$executeRawUnsafe(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN live_show' AND datname = current_database() AND pid <> pg_backend_pid()`,
      );
      await eventually(() => (received.includes(null) ? true : undefined));
      await db.$transaction((tx) => announce(tx, "session-y", "4"));
      await eventually(() => (received.includes("4") ? true : undefined));
      stop();
    },
  );
});
