import { describe, expect, it } from "vitest";
import { parseWithIcalJs } from "@/test/ical";
import { sinkForTheApp } from "@/test/smtp-sink";

/** Registration emails as delegates receive them: language, manage link, check-in code, calendar. */
const sink = await sinkForTheApp({ MAIL_MAX_ATTEMPTS: "3", PUBLIC_URL: "https://meeting.example" });

const { db } = await import("@/app/_server/db");
const { registrationIdForToken } = await import("@/app/_server/registration/tokens");
const { hashToken } = await import("@/app/_server/security/tokens");
const { deliverOutbox } = await import("@/app/_server/mail/delivery");
const { LINK_TOKEN_PLACEHOLDER } = await import("@/app/_server/mail/links");
const { formatCheckInCode } = await import("@/app/_lib/check-in-code");
const { onTheDemoMeeting, outboxRow, outboxAsText, manageTokens, linkToken, only } =
  await import("@/test/integration/registration-emails");

const { demo, register } = onTheDemoMeeting(sink);

describe("registration confirmation over SMTP", () => {
  it("sends each delegate the confirmation in their language, with a working link and their calendar", async () => {
    const ute = await register({ language: "de", givenName: "Ute", familyName: "Brandt", seat: "confirmed" });
    const wei = await register({
      language: "zh",
      givenName: "Wei",
      familyName: "Wang",
      nativeName: "王伟",
      seat: "waitlisted",
    });
    expect(await manageTokens(ute.id)).toBe(0);

    // While the sender waits for the server's answer, the token exists and opens the registration, but
    // the outbox holds no copy of it.
    const whileSending: string[] = [];
    sink.beforeAccept = async (mail) => {
      const token = linkToken(mail, mail.html && mail.html.includes('lang="zh-CN"') ? "zh" : "de");
      expect(await registrationIdForToken(db, token, "manage")).not.toBeNull();
      expect(await outboxAsText()).not.toContain(token);
      whileSending.push(token);
    };
    try {
      expect(await deliverOutbox()).toEqual({ sent: 2, retried: 0, failed: 0 });
    } finally {
      sink.beforeAccept = null;
    }
    expect(whileSending).toHaveLength(2);

    const german = only(sink.to(ute.email));
    expect(german.subject).toBe("Anmeldung bestätigt – Jahrestreffen 2017");
    expect(german.from?.value).toEqual([{ name: "Städteallianz", address: "noreply@localhost" }]);
    const uteToken = linkToken(german, "de");
    expect(await registrationIdForToken(db, uteToken, "manage")).toBe(ute.id);
    expect(german.text).toContain(
      "Montag, 24. April 2017, 13:30–15:00 Uhr (Ortszeit, UTC+2)\n  19:30–21:00 Uhr Pekinger Zeit (UTC+8)",
    );

    const chinese = only(sink.to(wei.email));
    expect(chinese.subject).toBe("2017年年会：报名成功");
    expect(chinese.text).toContain("尊敬的王伟：");
    const weiToken = linkToken(chinese, "zh");
    expect(await registrationIdForToken(db, weiToken, "manage")).toBe(wei.id);
    expect(chinese.text).toContain("候补名单：您排在第1位。");
    expect(new Set([uteToken, weiToken, ...whileSending]).size).toBe(2);

    for (const [mail, { id }, heading] of [
      [german, ute, "Ihr Check-in-Code"],
      [chinese, wei, "您的签到码"],
    ] as const) {
      // The check-in code in the text, and its QR code as an inline image that the HTML shows.
      const { checkInCode } = await db.registration.findUniqueOrThrow({
        where: { id },
        select: { checkInCode: true },
      });
      expect(mail.text).toContain(`${heading}\n`);
      expect(mail.text).toContain(`\n    ${formatCheckInCode(checkInCode)}\n`);
      const image = only(mail.attachments.filter((file) => file.contentType === "image/png"));
      expect(image).toMatchObject({
        cid: "check-in-code@meeting",
        related: true,
        contentDisposition: "inline",
      });
      expect(image.content.subarray(1, 4).toString("latin1")).toBe("PNG");
      // mailparser puts the image where the HTML names its cid, as the recipient's mail client does.
      expect(mail.html).toContain(`<img src="data:image/png;base64,${image.content.toString("base64")}"`);
    }

    for (const [mail, status, summary] of [
      [german, "CONFIRMED", "Workshop: Smarte Fertigung im Mittelstand"],
      [chinese, "TENTATIVE", "研讨会：中小企业的智能制造"],
    ] as const) {
      const attachment = only(mail.attachments.filter((file) => file.contentType === "text/calendar"));
      expect(attachment.filename).toBe("meeting-2017.ics");
      expect(attachment.contentType).toBe("text/calendar");
      // No METHOD in the file, so none in the MIME type (RFC 6047 wants both alike): see calendar/ics.ts.
      expect((attachment.headers.get("content-type") as { params: object }).params).toEqual({
        charset: "utf-8",
        name: "meeting-2017.ics",
      });
      const calendar = parseWithIcalJs(attachment.content.toString("utf8"));
      expect(calendar.method).toBe("null");
      // The whole program: the workshop and the sessions open to everyone (calendar-conformance.int.test.ts).
      const own = calendar.events.filter((event) => event.uid.startsWith(`${demo.workshopId}@`));
      expect(own).toHaveLength(1);
      const event = own[0]!;
      expect(event).toMatchObject({
        uid: `${demo.workshopId}@meeting.example`,
        tzid: "Europe/Berlin",
        status,
      });
      expect([event.start.toISOString(), event.end.toISOString()]).toEqual([
        "2017-04-24T11:30:00.000Z",
        "2017-04-24T13:00:00.000Z",
      ]);
      expect(event.summary).toBe(summary);
    }

    for (const { id } of [ute, wei]) {
      const row = await outboxRow(id);
      expect(row).toMatchObject({
        status: "sent",
        attempts: 1,
        withManageLink: true,
        lockedUntil: null,
        lastError: null,
      });
      expect(row.sentAt).toBeInstanceOf(Date);
      // The stored copy never held the link (only the placeholder); once sent, it keeps what the outbox page shows.
      expect(row.text).toContain("/manage/…");
      expect(row.text).not.toContain(LINK_TOKEN_PLACEHOLDER);
      expect(await manageTokens(id)).toBe(1);
    }
    const outbox = await outboxAsText();
    for (const token of [uteToken, weiToken]) {
      expect(outbox).not.toContain(token);
      // The database has the hash, and only the hash.
      expect(await db.accessToken.count({ where: { hash: token } })).toBe(0);
      expect(await db.accessToken.count({ where: { hash: hashToken(token) } })).toBe(1);
    }
  });
});
