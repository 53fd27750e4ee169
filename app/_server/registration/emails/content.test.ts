import { describe, expect, it } from "vitest";
import { sampleSeat, sampleView } from "@/test/registration-view";
import { LINK_TOKEN_PLACEHOLDER } from "@/app/_server/mail/links";
import { composeRegistrationEmail } from "./content";

const link = `https://meeting.example/de/manage/${LINK_TOKEN_PLACEHOLDER}`;

describe("registration emails", () => {
  it("greet, state the meeting and list the seats with both times, in German", () => {
    const email = composeRegistrationEmail({
      kind: "confirmed",
      view: sampleView(),
      manageUrl: link,
      withCalendar: true,
    });
    expect(email.subject).toBe("Anmeldung bestätigt – Jahrestreffen 2017");
    expect(email.text).toContain("Guten Tag Dr. Ute Berg,\n\nvielen Dank für Ihre Anmeldung.");
    expect(email.text).toContain(
      "Datum: Montag, 24. April 2017\nOrt: Hannover Messe\nTeilnahme als: Delegationsleitung\nStatus der Anmeldung: bestätigt",
    );
    expect(email.text).toContain(
      "• Industrie 4.0 trifft Made in China 2025\n  Montag, 24. April 2017, 10:00–10:45 Uhr (Ortszeit, UTC+2)\n  16:00–16:45 Uhr Pekinger Zeit (UTC+8)\n  Ort: Saal 2\n  Ihr Platz ist reserviert.",
    );
    expect(email.text).toContain(`\n${link}\n`);
    expect(email.text).toContain("Kalenderdatei (.ics)");
    expect(email.html).toContain(`<a href="${link}">${link}</a>`);
    expect(email.html).toContain('<html lang="de">');
  });

  it("speak Chinese to a Chinese delegate, with the native name and the waiting-list place", () => {
    const view = sampleView({
      language: "zh",
      givenName: "Wei",
      familyName: "Wang",
      nameOrder: "family_first",
      nativeName: "王伟",
      sessions: [sampleSeat({ status: "waitlisted", position: 4 })],
    });
    const email = composeRegistrationEmail({
      kind: "received",
      view: { ...view, status: "pending" },
      manageUrl: link,
      withCalendar: true,
    });
    expect(email.subject).toBe("2017年年会：已收到您的报名");
    expect(email.text.startsWith("尊敬的王伟：\n\n感谢您的报名。")).toBe(true);
    expect(email.text).toContain("报名状态：待主办方确认");
    expect(email.text).toContain(
      "  2017年4月24日星期一 10:00–10:45（当地时间，UTC+2）\n  北京时间 16:00–16:45（UTC+8）\n  会场：2号厅\n  候补名单：您排在第4位。",
    );
    expect(email.html).toContain('<html lang="zh-CN">');
    // The venue by its Chinese name; the closing "此致" and "敬礼！" on lines of their own.
    expect(email.text).toContain("地点：汉诺威工业博览会");
    expect(email.text).toContain("此致\n敬礼！\n会议组委会");
    expect(email.html).toContain("<p>此致<br>敬礼！<br>会议组委会");
  });

  it("greet a delegate who gave Herr or Frau formally, with title and family name", () => {
    const email = (honorific: string) =>
      composeRegistrationEmail({
        kind: "confirmed",
        view: sampleView({ honorific, givenName: "Jürgen", familyName: "Müller-Lüdenscheidt" }),
        manageUrl: link,
        withCalendar: false,
      }).text;
    expect(email("Herr Dr.")).toMatch(/^Sehr geehrter Herr Dr\. Müller-Lüdenscheidt,\n/);
    expect(email("Frau")).toMatch(/^Sehr geehrte Frau Müller-Lüdenscheidt,\n/);
  });

  it("escape everything a delegate or an organizer typed in the HTML, and keep it plain in the text", () => {
    const view = sampleView({
      language: "en",
      honorific: null,
      givenName: `<img src=x onerror="alert(1)">`,
      familyName: "O'Neil & Co",
      sessions: [
        sampleSeat({
          title: { de: "x", en: "<b>Panel</b>", zh: null },
          room: { de: "<i>", en: 'Hall "A"', zh: null },
        }),
      ],
    });
    const email = composeRegistrationEmail({ kind: "changed", view, manageUrl: link, withCalendar: false });
    expect(email.html).toContain(
      "<p>Dear &lt;img src=x onerror=&quot;alert(1)&quot;&gt; O&#39;Neil &amp; Co,</p>",
    );
    expect(email.html).toContain("<strong>&lt;b&gt;Panel&lt;/b&gt;</strong>");
    expect(email.html).toContain("Location: Hall &quot;A&quot;");
    expect(email.html).not.toMatch(/<img|<b>|<i>/);
    expect(email.text).toContain(`Dear <img src=x onerror="alert(1)"> O'Neil & Co,`);
    expect(email.text).not.toContain("calendar file");
  });

  it("tell a promoted delegate which session, and leave seats out once the registration ended", () => {
    const promoted = composeRegistrationEmail({
      kind: "promoted",
      view: sampleView({ language: "en" }),
      manageUrl: link,
      sessionTitle: "Smart manufacturing",
      withCalendar: true,
    });
    expect(promoted.subject).toBe("A seat has become free: Smart manufacturing – Annual meeting 2017");
    expect(promoted.text).toContain("A seat has become free in “Smart manufacturing”.");
    const rejected = composeRegistrationEmail({
      kind: "rejected",
      view: sampleView({ status: "rejected" }),
      manageUrl: null,
      withCalendar: false,
    });
    expect(rejected.text).toContain("Status der Anmeldung: nicht angenommen");
    expect(rejected.text).not.toContain("Programmpunkte mit begrenzter Platzzahl");
    expect(rejected.text).not.toContain("/manage/");
  });

  it("keep the link in a cancellation, for the delegate's data, and say what its calendar does", () => {
    const cancelled = composeRegistrationEmail({
      kind: "cancelled",
      view: sampleView({ status: "cancelled", sessions: [] }),
      manageUrl: link,
      withCalendar: true,
      calendarReleases: true,
    });
    expect(cancelled.subject).toBe("Anmeldung storniert – Jahrestreffen 2017");
    expect(cancelled.text).toContain("Status der Anmeldung: storniert");
    expect(cancelled.text).not.toContain("Programmpunkte mit begrenzter Platzzahl");
    expect(cancelled.text).toContain(
      `Über diesen Link können Sie Ihre Anmeldung weiterhin ansehen sowie Ihre Daten herunterladen oder löschen:\n\n${link}\n`,
    );
    expect(cancelled.text).toContain(
      "Die angehängte Kalenderdatei (.ics) markiert Ihre Programmpunkte als abgesagt.",
    );
    expect(cancelled.text).not.toContain("Im Anhang finden Sie");
  });

  it("say in a change that the calendar cancels the sessions given up", () => {
    for (const [language, note] of [
      [
        "de",
        "Im Anhang finden Sie Ihre Programmpunkte als Kalenderdatei (.ics) zum Übernehmen in Ihren Kalender. Programmpunkte, an denen Sie nicht mehr teilnehmen, sind darin als abgesagt markiert, damit Ihr Kalender sie entfernt.",
      ],
      [
        "zh",
        "附件为您所选活动的日历文件（.ics），可导入您的日历。其中您不再参加的活动已标记为取消，以便从您的日历中移除。",
      ],
    ] as const) {
      const email = composeRegistrationEmail({
        kind: "changed",
        view: sampleView({ language }),
        manageUrl: link,
        withCalendar: true,
        calendarReleases: true,
      });
      expect(email.text).toContain(`\n\n${note}\n\n`);
    }
  });

  it("tell a delegate whose registration awaits approval that a seat is held, not theirs yet, in every language", () => {
    const pending = (language: "de" | "en" | "zh") =>
      composeRegistrationEmail({
        kind: "promoted",
        view: sampleView({ language, status: "pending" }),
        manageUrl: link,
        sessionTitle: "Smart Manufacturing",
        withCalendar: true,
      });
    expect(pending("de").subject).toBe(
      "Ein Platz ist für Sie vorgemerkt: Smart Manufacturing – Jahrestreffen 2017",
    );
    expect(pending("de").text).toContain(
      "für „Smart Manufacturing“ ist ein Platz frei geworden. Sie standen auf der Warteliste – der Platz ist jetzt für Sie vorgemerkt. Ihre Anmeldung wartet noch auf die Bestätigung durch die Veranstalter; sobald sie bestätigt ist, gehört der Platz Ihnen.",
    );
    expect(pending("en").subject).toBe("A seat is held for you: Smart Manufacturing – Annual meeting 2017");
    expect(pending("en").text).toContain(
      "the seat is now held for you. Your registration still awaits confirmation by the organizers",
    );
    expect(pending("zh").subject).toBe("2017年年会：已为您保留“Smart Manufacturing”的席位");
    expect(pending("zh").text).toContain("您的报名仍待主办方确认，确认后该席位即归您所有。");
    for (const language of ["de", "en", "zh"] as const) {
      const text = pending(language).text;
      expect(text).not.toMatch(/gehört jetzt Ihnen|the seat is now yours|现已获得该席位/);
      // The seat itself reads as held, too.
      expect(text).toContain(
        { de: "Ihr Platz ist vorgemerkt", en: "Your seat is held", zh: "您的席位已暂时保留" }[language],
      );
    }
    const confirmed = composeRegistrationEmail({
      kind: "promoted",
      view: sampleView({ language: "de" }),
      manageUrl: link,
      sessionTitle: "Smart Manufacturing",
      withCalendar: true,
    });
    expect(confirmed.text).toContain("der Platz gehört jetzt Ihnen.");
  });
});
