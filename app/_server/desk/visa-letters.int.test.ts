import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/app/_server/authz";
import { db } from "@/app/_server/db";
import { defaultVisaLetters } from "@/app/_lib/visa-letter-defaults";
import { seedDemo } from "@/prisma/seed";
import { createRoleActors, outcome } from "@/test/integration/actors";
import { delegate, demoMeetingId, uteBerg } from "@/test/integration/factories";
import { register } from "../registration/register";
import { getVisaLetterDesk, saveVisaLetterTemplate, visaLetters } from "./visa-letters";

let organizer: Actor;
let admin: Actor;
let checkin: Actor;
let meetingId: string;
const ids = { wang: "", berg: "", cancelled: "", noLetter: "" };

beforeAll(async () => {
  await seedDemo(db);
  ({ organizer, admin, checkin } = await createRoleActors());
  meetingId = await demoMeetingId();
  const nanningId = (await db.city.findUniqueOrThrow({ where: { slug: "nanning" } })).id;
  const wang = await register(
    "2017",
    delegate({
      cityId: nanningId,
      cityOther: null,
      visaLetter: true,
      honorific: "Dr.",
      position: "Deputy Director",
      organization: "Nanning Bureau of Commerce",
    }),
    { locale: "zh" },
  );
  const berg = await register(
    "2017",
    delegate({
      ...uteBerg,
      cityOther: "Wien",
      visaLetter: true,
      organization: null,
    }),
    { locale: "de" },
  );
  const cancelled = await register(
    "2017",
    delegate({ givenName: "Na", familyName: "Li", nativeName: "李娜", visaLetter: true }),
    { locale: "zh" },
  );
  const noLetter = await register(
    "2017",
    delegate({ givenName: "Min", familyName: "Chen", nativeName: "陈敏" }),
    { locale: "zh" },
  );
  Object.assign(ids, { wang: wang.id, berg: berg.id, cancelled: cancelled.id, noLetter: noLetter.id });
  await db.registration.update({
    where: { id: cancelled.id },
    data: { status: "cancelled", activeEmail: null, cancelledAt: new Date() },
  });
});

const audits = () =>
  db.auditEntry.findMany({
    where: { action: "meeting.visaLetter", entityId: meetingId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });

describe("visa letters", () => {
  it("are for organizers and admins only", async () => {
    for (const run of [
      (actor: Actor | null) => getVisaLetterDesk(actor, "2017"),
      (actor: Actor | null) => visaLetters(actor, "2017", "en"),
      (actor: Actor | null) => saveVisaLetterTemplate(actor, "2017", "en", "Dear {delegateName}"),
    ]) {
      expect(await outcome(run(null))).toBe("unauthenticated");
      expect(await outcome(run(checkin))).toBe("forbidden");
    }
    expect(await outcome(getVisaLetterDesk(admin, "2017"))).toBe("ok");
    expect(await outcome(getVisaLetterDesk(organizer, "nope"))).toBe("not_found");
    expect(await audits()).toHaveLength(0);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).visaLetterEn).toBeNull();
  });

  it("list the active registrations that asked for a letter and fill the built-in letter of the chosen language", async () => {
    const desk = await getVisaLetterDesk(organizer, "2017");
    expect(desk.templates).toEqual({ de: null, en: null, zh: null });
    expect(desk.delegates.map((person) => person.id)).toEqual([ids.berg, ids.wang]);
    expect(desk.delegates[1]).toMatchObject({
      nativeName: "王伟",
      city: { zh: "南宁" },
      status: "confirmed",
    });

    const now = new Date("2017-03-01T23:30:00Z"); // already 2 March in Hannover
    const english = await visaLetters(organizer, "2017", "en", [ids.wang], now);
    expect(english.placeAndDate).toBe("Hannover, 2 March 2017");
    expect(english.letters).toHaveLength(1);
    const text = english.letters[0]!.text;
    expect(text).toContain(
      "The Chinese-German Industrial Cities Alliance hereby invites\n\nDr. Wang Wei (王伟)\nDeputy Director\nNanning Bureau of Commerce\nNanning, China\n",
    );
    expect(text).toContain("Date: 24 April 2017\nVenue: Hannover Messe, Hannover, Germany");

    const chinese = await visaLetters(organizer, "2017", "zh", undefined, now);
    expect(chinese.letters.map((letter) => letter.id)).toEqual([ids.berg, ids.wang]);
    expect(chinese.letters[1]!.text).toContain("王伟（Wang Wei）");
    expect(chinese.letters[1]!.text).toContain("南宁，中国");
    // No position, organization or country: those lines are gone, the city outside the alliance stays.
    expect(chinese.letters[0]!.text).toContain("Ute Berg\nWien\n");
    expect(chinese.placeAndDate).toBe("Hannover，2017年3月2日");
    expect((await visaLetters(organizer, "2017", "en", [ids.cancelled, ids.noLetter])).letters).toEqual([]);
  });

  it("save an organizer's template per language, refuse unknown placeholders, and go back to the built-in letter, audited", async () => {
    expect(await outcome(saveVisaLetterTemplate(organizer, "2017", "fr", "Bonjour"))).toBe("invalid");
    const refused = await saveVisaLetterTemplate(
      organizer,
      "2017",
      "de",
      "Sehr geehrte/r {name}, Pass {passport}",
    ).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: "invalid",
      details: {
        fields: { template: { key: "unknownPlaceholders", values: { names: "{name}, {passport}" } } },
      },
    });
    expect(await outcome(saveVisaLetterTemplate(organizer, "2017", "de", "x".repeat(10_001)))).toBe(
      "invalid",
    );
    expect(await audits()).toHaveLength(0);

    await saveVisaLetterTemplate(
      organizer,
      "2017",
      "de",
      "Einladung für {delegateName}\r\n\r\nzum {meetingTitle}.  ",
    );
    const stored = "Einladung für {delegateName}\n\nzum {meetingTitle}.";
    expect(
      await db.meeting.findUniqueOrThrow({
        where: { id: meetingId },
        select: { visaLetterDe: true, visaLetterEn: true },
      }),
    ).toEqual({ visaLetterDe: stored, visaLetterEn: null });
    const letter = (await visaLetters(organizer, "2017", "de", [ids.wang])).letters[0]!;
    expect(letter.text).toBe("Einladung für Wang Wei\n\nzum Jahrestreffen 2017.");
    // The same text again changes nothing and is not recorded twice.
    await saveVisaLetterTemplate(admin, "2017", "de", stored);
    // The built-in letter itself, or nothing, stores null: the built-in letter applies again.
    await saveVisaLetterTemplate(admin, "2017", "de", defaultVisaLetters.de);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).visaLetterDe).toBeNull();
    await saveVisaLetterTemplate(organizer, "2017", "de", "");

    const entries = await audits();
    expect(
      entries.map((entry) => [entry.actorEmail, entry.entity, entry.meetingId, entry.before, entry.after]),
    ).toEqual([
      [
        organizer.email,
        "Meeting",
        meetingId,
        { lang: "de", template: null },
        { lang: "de", template: stored },
      ],
      [admin.email, "Meeting", meetingId, { lang: "de", template: stored }, { lang: "de", template: null }],
    ]);
  });
});
