import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/app/_server/authz";
import { db } from "@/app/_server/db";
import type { VisaDetails } from "@/app/_lib/registration/visa";
import { parseDeskFilters } from "@/app/_lib/registration/desk-filters";
import { seedDemo } from "@/prisma/seed";
import { createRoleActors, outcome } from "@/test/integration/actors";
import { delegate, demoMeetingId } from "@/test/integration/factories";
import { keyIdOf, keyringOf, type Keyring } from "../security/field-cipher";
import { register } from "../registration/register";
import { anonymizeMeeting } from "../retention/anonymize";
import { runVisaDataRetention } from "../retention/visa-data";
import { delegateVisaLetter, exportedVisaLetter } from "../self-service/visa-letter";
import { registrationsExport } from "./export-data";
import { setVisaLetterStatus } from "./visa-letter-status";
import { getVisaLetterDesk, visaLetters } from "./visa-letters";

// The keyring the app would build from VISA_DATA_KEYS, switched by the tests to rotate keys.
const keys = { k1: { id: "k1", key: randomBytes(32) }, k2: { id: "k2", key: randomBytes(32) } };
const appKey = randomBytes(32);
let keyring: Keyring = keyringOf(undefined, appKey);
vi.mock("@/app/_server/security/field-cipher", async (original) => ({
  ...(await original<typeof import("@/app/_server/security/field-cipher")>()),
  dataKeyring: async () => keyring,
}));

const passport: VisaDetails = {
  passportNumber: "EJ7654321",
  nationality: "CN",
  birthDate: "1979-11-23",
  passportExpiry: "2026-02-01",
  arrivalDate: "2017-04-22",
  departureDate: "2017-04-27",
};

let organizer: Actor;
let checkin: Actor;
let meetingId: string;
let withLetter: string;
let cancelled: string;

const registerWithLetter = async (visa: VisaDetails, overrides = {}) =>
  register("2017", delegate({ visaLetter: true, visa, ...overrides }), {
    locale: "zh",
    now: new Date("2017-03-03T09:00:00Z"),
  });

beforeAll(async () => {
  await seedDemo(db);
  ({ organizer, checkin } = await createRoleActors());
  meetingId = await demoMeetingId();
  withLetter = (await registerWithLetter(passport)).id;
  cancelled = (await registerWithLetter({ ...passport, passportNumber: "EJ0000001" })).id;
  await db.registration.update({
    where: { id: cancelled },
    data: { status: "cancelled", activeEmail: null, cancelledAt: new Date() },
  });
});

/** Everything stored about a registration and around it, as text. */
async function storedText(registrationId: string): Promise<string> {
  const [row] = await db.$queryRaw<unknown[]>`SELECT * FROM "Registration" WHERE "id" = ${registrationId}`;
  const emails = await db.outboxEmail.findMany({ where: { registrationId } });
  const audit = await db.auditEntry.findMany({ where: { meetingId } });
  const keys = await db.idempotencyKey.findMany({ where: { registrationId } });
  return JSON.stringify({ row, emails, audit, keys });
}

describe("a visa letter's passport details", () => {
  it("are stored encrypted, in no column, email or audit entry as plain text", async () => {
    const [row] = await db.$queryRaw<{ visaData: string; visaRequestedAt: Date }[]>`
      SELECT "visaData", "visaRequestedAt" FROM "Registration" WHERE "id" = ${withLetter}`;
    expect(keyIdOf(row!.visaData)).toBe("app");
    expect(row!.visaRequestedAt).toEqual(new Date("2017-03-03T09:00:00Z"));
    const text = await storedText(withLetter);
    for (const value of ["EJ7654321", "1979-11-23", "2026-02-01", "2017-04-22"])
      expect(text).not.toContain(value);
  });

  it("refuse travel dates far from the meeting, in the visitor's language", async () => {
    await expect(
      registerWithLetter({ ...passport, arrivalDate: "2017-03-20", departureDate: "2017-04-23" }),
    ).rejects.toMatchObject({
      code: "invalid",
      details: {
        fields: {
          arrivalDate: { key: "arrivalWindow", values: { from: "2017年3月25日", to: "2017年4月24日" } },
          departureDate: { key: "departureWindow", values: { from: "2017年4月24日", to: "2017年5月24日" } },
        },
      },
    });
  });

  it("are decrypted for those who handle letters only: the visa page and the letter", async () => {
    expect(await outcome(getVisaLetterDesk(checkin, "2017"))).toBe("forbidden");
    const desk = await getVisaLetterDesk(organizer, "2017");
    const mine = desk.delegates.find((row) => row.id === withLetter)!;
    expect(mine.details).toEqual(passport);
    expect(mine.letter).toEqual({
      status: "requested",
      requestedAt: "2017-03-03T09:00:00.000Z",
      issuedOn: null,
      sentOn: null,
    });
    const { letters } = await visaLetters(organizer, "2017", "de", [withLetter]);
    expect(letters[0]!.text).toContain("Reisepass Nr. EJ7654321, gültig bis 1. Februar 2026");
    expect(letters[0]!.text).toContain("geboren am 23. November 1979, Staatsangehörigkeit: China");
    expect(letters[0]!.text).toContain("Geplanter Aufenthalt: 22. April 2017 bis 27. April 2017");
  });

  it("stay out of exports unless asked for, which is audited without the values", async () => {
    const plain = await registrationsExport(organizer, "2017", parseDeskFilters({ visaLetter: "1" }), "en");
    expect(JSON.stringify(plain)).not.toContain("EJ7654321");
    expect(plain.header).not.toContain("Passport number");
    expect(await db.auditEntry.count({ where: { action: "registration.exportVisaDetails" } })).toBe(0);

    const asked = await registrationsExport(organizer, "2017", parseDeskFilters({ visaLetter: "1" }), "en", {
      withVisaDetails: true,
    });
    expect(asked.header.slice(-7)).toEqual([
      "Letter status",
      "Passport number",
      "Nationality",
      "Date of birth",
      "Passport valid until",
      "Planned arrival",
      "Planned departure",
    ]);
    const row = asked.rows.find((cells) => cells[0] === withLetter)!;
    expect(row.slice(-7)).toEqual([
      "requested",
      "EJ7654321",
      "CN China",
      "1979-11-23",
      "2026-02-01",
      "2017-04-22",
      "2017-04-27",
    ]);
    const entries = await db.auditEntry.findMany({ where: { action: "registration.exportVisaDetails" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: organizer.id, entityId: meetingId });
    expect(JSON.stringify(entries)).not.toContain("EJ7654321");
    expect(
      await outcome(
        registrationsExport(checkin, "2017", parseDeskFilters({}), "en", { withVisaDetails: true }),
      ),
    ).toBe("forbidden");
  });

  it("go to the delegate's own data export, and nowhere else on their side", async () => {
    expect(await exportedVisaLetter(withLetter)).toMatchObject({ status: "requested", details: passport });
  });
});

describe("the letter's status", () => {
  it("is set by those who handle letters, audited, and seen by the delegate", async () => {
    const set = (actor: Actor, status: string, day?: string) =>
      setVisaLetterStatus(actor, meetingId, { registrationId: withLetter, status, day });
    expect(await outcome(set(checkin, "issued", "2017-03-10"))).toBe("forbidden");
    expect(await outcome(set(organizer, "issued", "10.03.2017"))).toBe("invalid");
    // Days that look like days but are none, or that PostgreSQL cannot store: a form error, not a 500.
    for (const day of ["2017-02-30", "0000-01-01", "9999-12-31"])
      expect(await outcome(set(organizer, "issued", day))).toBe("invalid");
    expect(await outcome(set(organizer, "lost", "2017-03-10"))).toBe("invalid");
    expect(await delegateVisaLetter(withLetter)).toEqual({
      status: "requested",
      requestedAt: "2017-03-03T09:00:00.000Z",
      // Friday 3 March 2017 + 10 working days (the meeting's default).
      expectedBy: "2017-03-17",
      issuedOn: null,
      sentOn: null,
    });

    await set(organizer, "issued", "2017-03-10");
    await set(organizer, "sent", "2017-03-13");
    await set(organizer, "sent", "2017-03-13");
    expect(await delegateVisaLetter(withLetter)).toMatchObject({
      status: "sent",
      issuedOn: "2017-03-10",
      sentOn: "2017-03-13",
    });
    const entries = await db.auditEntry.findMany({
      where: { action: "registration.visaLetterStatus", entityId: withLetter },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { actorEmail: true, before: true, after: true },
    });
    expect(entries).toEqual([
      {
        actorEmail: organizer.email,
        before: { visaLetterStatus: "requested", issuedOn: null, sentOn: null },
        after: { visaLetterStatus: "issued", issuedOn: "2017-03-10", sentOn: null },
      },
      {
        actorEmail: organizer.email,
        before: { visaLetterStatus: "issued", issuedOn: "2017-03-10", sentOn: null },
        after: { visaLetterStatus: "sent", issuedOn: "2017-03-10", sentOn: "2017-03-13" },
      },
    ]);
  });
});

describe("the retention run", () => {
  it("re-encrypts under the current key; old keys open old values until then", async () => {
    keyring = keyringOf([keys.k1], appKey);
    const underK1 = (await registerWithLetter({ ...passport, passportNumber: "K1000001" })).id;
    keyring = keyringOf([keys.k2, keys.k1], appKey);
    expect(
      (await getVisaLetterDesk(organizer, "2017")).delegates.find((row) => row.id === underK1)?.details,
    ).toEqual({ ...passport, passportNumber: "K1000001" });

    const dry = await runVisaDataRetention({ now: new Date("2017-03-04T00:00:00Z"), dryRun: true });
    expect(dry).toMatchObject({ toReencrypt: 2, reencrypted: 0, unreadable: 0, currentKey: "k2" });
    const run = await runVisaDataRetention({ now: new Date("2017-03-04T00:00:00Z"), dryRun: false });
    // Before the meeting: only the cancelled registration's details go; the app key's and k1's values move to k2.
    expect(run).toMatchObject({ deleted: [{ slug: "2017", count: 1 }], reencrypted: 2, currentKey: "k2" });
    const rows = await db.registration.findMany({
      where: { id: { in: [withLetter, underK1, cancelled] } },
      select: { id: true, visaData: true },
    });
    expect(Object.fromEntries(rows.map((row) => [row.id, row.visaData && keyIdOf(row.visaData)]))).toEqual({
      [withLetter]: "k2",
      [underK1]: "k2",
      [cancelled]: null,
    });

    keyring = keyringOf([keys.k2], appKey);
    const desk = await getVisaLetterDesk(organizer, "2017");
    expect(desk.delegates.find((row) => row.id === underK1)?.details).toMatchObject({
      passportNumber: "K1000001",
    });
    // A key removed too early: the page says so instead of failing.
    keyring = keyringOf([keys.k1], appKey);
    expect(
      (await getVisaLetterDesk(organizer, "2017")).delegates.find((row) => row.id === underK1)?.details,
    ).toBe("unreadable");
    keyring = keyringOf([keys.k2], appKey);
  });

  it("deletes them 30 days after the meeting's last day, and with anonymization", async () => {
    // 24 April 2017 + 30 days = 24 May, 00:00 in Berlin (22:00 UTC the day before).
    const early = await runVisaDataRetention({ now: new Date("2017-05-23T21:59:59Z"), dryRun: false });
    expect(early).toMatchObject({ deleted: [] });
    const due = await runVisaDataRetention({ now: new Date("2017-05-23T22:00:00Z"), dryRun: false });
    expect(due).toMatchObject({ deleted: [{ slug: "2017", count: 2 }] });
    expect(await db.registration.count({ where: { meetingId, visaData: { not: null } } })).toBe(0);
    // The letter's course stays until the registration is anonymized.
    expect(await delegateVisaLetter(withLetter)).toMatchObject({ status: "sent" });
    await db.$transaction((tx) => anonymizeMeeting(tx, meetingId, new Date("2017-07-23T00:00:00Z")));
    expect(
      await db.registration.findUniqueOrThrow({
        where: { id: withLetter },
        select: {
          visaLetter: true,
          visaData: true,
          visaRequestedAt: true,
          visaIssuedOn: true,
          visaSentOn: true,
        },
      }),
    ).toEqual({
      visaLetter: false,
      visaData: null,
      visaRequestedAt: null,
      visaIssuedOn: null,
      visaSentOn: null,
    });
  });
});
