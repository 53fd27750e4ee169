/** Rate-limit counters as several app instances share them: one database, one count. */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { adapterFactory } from "./database/adapter";
import { configuredTarget } from "./database/target";
import { db } from "./db";
import { PrismaClient } from "./generated/prisma/client";
import { hitRateLimit } from "./rate-limit";

/** Two "instances": each with its own Prisma client and connection pool, built as db.ts builds one. */
const instances = [
  new PrismaClient({ adapter: adapterFactory(configuredTarget()) }),
  new PrismaClient({ adapter: adapterFactory(configuredTarget()) }),
];

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.$disconnect()));
});

describe("hitRateLimit", () => {
  it("allows exactly the limit when two instances count one key at the same time", async () => {
    const key = `test:${randomUUID()}`;
    const hits = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        hitRateLimit(key, 10, 3600, { database: instances[index % 2]! }),
      ),
    );
    expect(hits.filter((hit) => hit.allowed)).toHaveLength(10);
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key } })).count).toBe(40);
  });

  it("starts a new window once the old one has passed, and says when the current one ends", async () => {
    const key = `test:${randomUUID()}`;
    const start = new Date("2017-04-24T08:00:00Z");
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    expect(await hitRateLimit(key, 2, 900, { now: start })).toEqual({
      allowed: true,
      retryAfterSeconds: 900,
    });
    expect(await hitRateLimit(key, 2, 900, { now: at(100) })).toEqual({
      allowed: true,
      retryAfterSeconds: 800,
    });
    expect(await hitRateLimit(key, 2, 900, { now: at(899.5) })).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
    expect(await hitRateLimit(key, 2, 900, { now: at(900) })).toEqual({
      allowed: true,
      retryAfterSeconds: 900,
    });
  });
});
