import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import type { Actor } from "@/app/_server/authz";
import { db } from "@/app/_server/db";
import { emailKind } from "@/app/_server/mail/kinds";
import { savePracticalInfo } from "@/app/_server/meetings/practical-info";
import { seedDemo } from "@/prisma/seed";
import { createActor } from "@/test/integration/actors";
import { createMeetingRow, delegate, demoMeetingId, uteBerg } from "@/test/integration/factories";
import { register } from "../register";
// What a server loads at its start: the registration emails' kinds with their composers.
import "./kinds";

/**
 * The footer of the delegates' emails: the meeting's practical information in the delegate's language,
 * read when the email is composed (so a correction reaches the emails still waiting), for drafts of
 * every version.
 */

let organizer: Actor;
let meetingId: string;

const practical = {
  contactName: "Dr. Mara Feld",
  contactEmail: "mara.feld@example.org",
  contactPhone: "+49 511 555 0142",
  venueAddress: "Messegelände\n30521 Hannover",
  latitude: "52.3239",
  longitude: "9.8089",
  arrivalDe: "S 4 bis Hannover Messe/Laatzen.",
  arrivalEn: "S 4 to Hannover Messe/Laatzen.",
  arrivalZh: "乘坐 S 4 至 Hannover Messe/Laatzen 站。",
  badgePickupDe: "Ab 8:00 Uhr, Eingang Nord.",
  badgePickupZh: "8:00起，北入口。",
  dressCodeEn: "Business attire.",
  interpretationZh: "提供德汉同声传译。",
};

const osm = "https://www.openstreetmap.org/?mlat=52.3239&mlon=9.8089#map=17/52.3239/9.8089";
const amap =
  "https://uri.amap.com/marker?position=9.8089%2C52.3239&name=Hannover+Messe&coordinate=wgs84&callnative=0";

/** The text footer as each language writes it; a text missing in one language comes in another. */
const footers: Record<AppLocale, string> = {
  de: [
    "-- ",
    "Praktische Hinweise",
    "Ansprechperson: Dr. Mara Feld, mara.feld@example.org, +49 511 555 0142",
    "Veranstaltungsort: Hannover Messe, Messegelände, 30521 Hannover",
    `Karte (OpenStreetMap): ${osm}`,
    `Karte für China (高德地图 Amap): ${amap}`,
    "Anreise: S 4 bis Hannover Messe/Laatzen.",
    "Ausgabe der Namensschilder: Ab 8:00 Uhr, Eingang Nord.",
    "Kleiderordnung: Business attire.",
    "Verdolmetschung: 提供德汉同声传译。",
    "",
    "Diese E-Mail wurde automatisch versandt, weil mit dieser Adresse eine Anmeldung zum Treffen besteht.",
    "",
  ].join("\n"),
  en: [
    "-- ",
    "Practical information",
    "Contact: Dr. Mara Feld, mara.feld@example.org, +49 511 555 0142",
    "Venue: Hannover Messe, Messegelände, 30521 Hannover",
    `Map (OpenStreetMap): ${osm}`,
    `Map for mainland China (高德地图 Amap): ${amap}`,
    "Getting there: S 4 to Hannover Messe/Laatzen.",
    "Badge pickup: Ab 8:00 Uhr, Eingang Nord.",
    "Dress code: Business attire.",
    "Interpretation: 提供德汉同声传译。",
    "",
    "This email was sent automatically because a registration for the meeting exists under this address.",
    "",
  ].join("\n"),
  zh: [
    "-- ",
    "实用信息",
    "联系人：Dr. Mara Feld，mara.feld@example.org，+49 511 555 0142",
    "会议地点：汉诺威工业博览会，Messegelände，30521 Hannover",
    `地图（OpenStreetMap）：${osm}`,
    `高德地图（中国大陆可用）：${amap}`,
    "交通与抵达：乘坐 S 4 至 Hannover Messe/Laatzen 站。",
    "领取胸卡：8:00起，北入口。",
    "着装要求：Business attire.",
    "口译：提供德汉同声传译。",
    "",
    "此邮件由系统自动发送，因为此邮箱地址已用于报名本次会议。",
    "",
  ].join("\n"),
};

beforeAll(async () => {
  await seedDemo(db);
  organizer = await createActor("organizer");
  meetingId = await demoMeetingId();
  await savePracticalInfo(organizer, meetingId, practical);
});

/** The confirmation queued for a new registration in `language`, composed as the outbox composes it. */
async function confirmationIn(language: AppLocale, meetingSlug = "2017") {
  const names = language === "zh" ? {} : uteBerg;
  const { id } = await register(meetingSlug, delegate({ ...names, language }), { locale: language });
  const row = await db.outboxEmail.findFirstOrThrow({ where: { registrationId: id } });
  return composed(row.kind, row.draft);
}

function composed(kind: string, draft: unknown) {
  return emailKind(kind).compose!(draft);
}

describe("the footer of delegate emails", () => {
  it.each(["de", "en", "zh"] as const)(
    "ends every %s email with the practical information in its language",
    async (language) => {
      const email = await confirmationIn(language);
      expect(email.text.slice(email.text.lastIndexOf("\n-- \n") + 1)).toBe(footers[language]);
    },
  );

  it("links the maps in the HTML body and escapes what organizers typed", async () => {
    const email = await confirmationIn("de");
    const html = (url: string) => url.replaceAll("&", "&amp;");
    expect(email.html).toContain(
      `Karte (OpenStreetMap): <a href="${html(osm)}" style="color:#6b7280">${html(osm)}</a><br>`,
    );
    expect(email.html).toContain(
      `Karte für China (高德地图 Amap): <a href="${html(amap)}" style="color:#6b7280">${html(amap)}</a><br>`,
    );
    await savePracticalInfo(organizer, meetingId, { ...practical, dressCodeDe: "<b>Anzug</b> & Krawatte" });
    const escaped = await confirmationIn("de");
    expect(escaped.html).toContain("Kleiderordnung: &lt;b&gt;Anzug&lt;/b&gt; &amp; Krawatte<br>");
    await savePracticalInfo(organizer, meetingId, practical);
  });

  it("reads the practical information as the email leaves: a correction reaches emails still waiting", async () => {
    const { id } = await register("2017", delegate({ ...uteBerg, language: "de" }), { locale: "de" });
    const row = await db.outboxEmail.findFirstOrThrow({ where: { registrationId: id } });
    await savePracticalInfo(organizer, meetingId, { ...practical, contactPhone: "+49 511 555 0199" });
    try {
      expect((await composed(row.kind, row.draft)).text).toContain(
        "Ansprechperson: Dr. Mara Feld, mara.feld@example.org, +49 511 555 0199\n",
      );
    } finally {
      await savePracticalInfo(organizer, meetingId, practical);
    }
  });

  it("gives drafts stored before the footer existed (version 1) the footer too", async () => {
    const file = path.join(import.meta.dirname, "fixtures", "drafts-v1.json");
    const stored = JSON.parse(readFileSync(file, "utf8"))["registration.confirmed"];
    const draft = { ...stored.draft, view: { ...stored.draft.view } };
    // The fixture's meeting is the demo meeting of the database it was taken from.
    draft.view.meeting = { ...draft.view.meeting, id: meetingId };
    const email = await composed(stored.kind, draft);
    expect(email.text.slice(email.text.lastIndexOf("\n-- \n") + 1)).toBe(footers.de);
  });

  it("says only why the email came when the meeting has no practical information", async () => {
    const bare = await createMeetingRow({ registrationClosesAt: new Date("2099-01-01T00:00:00Z") });
    const email = await confirmationIn("en", bare.slug);
    expect(email.text.slice(email.text.lastIndexOf("\n-- \n") + 1)).toBe(
      "-- \nThis email was sent automatically because a registration for the meeting exists under this address.\n",
    );
    expect(email.html).not.toContain("Practical information");
  });
});
