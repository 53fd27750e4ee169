import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { RECORD_ID } from "@/app/_lib/ids";
import { db } from "@/app/_server/db";
import { newCheckInCode } from "@/app/_server/registration/tokens";
import { seedDemo } from "@/prisma/seed";
import { insertRows, newRecordId } from "./insert-rows";

let meetingId: string;

beforeAll(async () => {
  await seedDemo(db);
  meetingId = (await db.meeting.findUniqueOrThrow({ where: { slug: "2017" }, select: { id: true } })).id;
});

describe("insertRows", () => {
  it("writes what Prisma reads back: instants in UTC, enum arrays, NULL, bytes, JSON; columns left out get their defaults", async () => {
    const at = new Date("2017-04-24T06:30:15.123Z");
    const email = `rows-${randomUUID()}@example.org`;
    const id = newRecordId();
    await insertRows(db, "Registration", [
      {
        id,
        meetingId,
        status: "confirmed",
        givenName: "Ute",
        familyName: "Berg",
        nativeName: null,
        role: "delegate",
        email,
        activeEmail: email,
        language: "de",
        interpretation: ["zh", "en"],
        privacyConsentAt: at,
        checkInCode: newCheckInCode(),
        createdAt: at,
        updatedAt: at,
      },
    ]);
    expect(await db.registration.findUniqueOrThrow({ where: { id } })).toMatchObject({
      interpretation: ["zh", "en"],
      nativeName: null,
      privacyConsentAt: at,
      createdAt: at,
      nameOrder: "given_first",
      visaLetter: false,
    });

    const key = randomUUID();
    await insertRows(db, "IdempotencyKey", [
      {
        id: key,
        requestHash: "hash",
        registrationId: id,
        response: Buffer.from([0, 1, 92, 255]),
        createdAt: at,
      },
    ]);
    expect(Buffer.from((await db.idempotencyKey.findUniqueOrThrow({ where: { id: key } })).response)).toEqual(
      Buffer.from([0, 1, 92, 255]),
    );

    const emailIds = [newRecordId(), newRecordId()];
    await insertRows(
      db,
      "OutboxEmail",
      emailIds.map((emailId, index) => ({
        id: emailId,
        registrationId: id,
        kind: "test",
        toAddress: email,
        // A lone surrogate becomes U+FFFD, as a text parameter would.
        subject: index === 0 ? "Grüße \ud800 问候" : "Grüße",
        text: index === 0 ? null : "Text",
        attachments: index === 0 ? [{ filename: "a.ics", content: "BEGIN:VCALENDAR\r\n" }] : [],
        draft: index === 0 ? { nested: { value: 1 } } : null,
        nextAttemptAt: at,
        createdAt: at,
      })),
    );
    const stored = await db.outboxEmail.findMany({
      where: { id: { in: emailIds } },
      orderBy: { subject: "desc" },
    });
    expect(
      stored.map(({ subject, text, attachments, draft, status, attempts, nextAttemptAt }) => ({
        subject,
        text,
        attachments,
        draft,
        status,
        attempts,
        nextAttemptAt,
      })),
    ).toEqual([
      {
        subject: "Grüße \ufffd 问候",
        text: null,
        attachments: [{ filename: "a.ics", content: "BEGIN:VCALENDAR\r\n" }],
        draft: { nested: { value: 1 } },
        status: "queued",
        attempts: 0,
        nextAttemptAt: at,
      },
      {
        subject: "Grüße",
        text: "Text",
        attachments: [],
        draft: null,
        status: "queued",
        attempts: 0,
        nextAttemptAt: at,
      },
    ]);
    const [sqlNull] = await db.$queryRaw<
      { isNull: boolean }[]
    >`SELECT "draft" IS NULL AS "isNull" FROM "OutboxEmail" WHERE "id" = ${emailIds[1]}`;
    expect(sqlNull!.isNull).toBe(true);
  });

  it("refuses rows that name different columns, so that none is dropped silently", async () => {
    await expect(
      insertRows(db, "AccessToken", [{ hash: "a", purpose: "manage" }, { hash: "b" }]),
    ).rejects.toThrow("Rows for AccessToken name different columns");
  });
});

describe("newRecordId", () => {
  it("makes record ids that sort in the order they were made, within a millisecond too", async () => {
    const first = newRecordId();
    await new Promise((resolve) => setTimeout(resolve, 2));
    const ids = Array.from({ length: 1000 }, () => newRecordId());
    expect(ids.every((id) => RECORD_ID.test(id) && id.length === 25 && id > first)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
  });
});
