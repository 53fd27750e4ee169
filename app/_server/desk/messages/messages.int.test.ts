/**
 * Messages to chosen delegates, end to end through the real outbox and a real SMTP server: exactly the
 * delegates the desk's filters choose get it, each in their language or the fallback, with their name
 * and a manage link that works; it is sent once however often "send" is pressed, shows its progress and
 * stands in each registration's history; every bad input gets its answer and sends nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActor, createRoleActors, lastAudit, roleOutcomes } from "@/test/integration/actors";
import { sinkForTheApp } from "@/test/smtp-sink";

const sink = await sinkForTheApp({
  PUBLIC_URL: "https://meeting.example",
  MAIL_RATE_PER_MINUTE: "1000",
  MAIL_MAX_ATTEMPTS: "3",
});

const { db } = await import("@/app/_server/db");
const { seedDemo } = await import("@/prisma/seed");
const { outboxRunSettled } = await import("@/app/_server/mail/delivery");
const { closeMailTransport } = await import("@/app/_server/mail/transport");
const { registrationIdForToken } = await import("@/app/_server/registration/tokens");
const { registrationHistory } = await import("@/app/_server/desk/desk-history");
const { formStateOf } = await import("@/app/_server/forms");
const { createMessage, getMessage, saveMessage, sentRecipients } =
  await import("@/app/_server/desk/messages/messages");
const { previewMessage, sendMessage, sendMessageTest } = await import("@/app/_server/desk/messages/send");
const { getPracticalInfo } = await import("@/app/_server/meetings/practical-info");
const { addressesOf, delegateOf, draftMessage, manageToken, texts } =
  await import("@/test/integration/message-recipients");
const { demoMeetingId } = await import("@/test/integration/factories");

const SLUG = "2017";
let meetingId = "";
let chosenCity = "";
let otherCity = "";

beforeAll(async () => {
  await seedDemo(db);
  meetingId = await demoMeetingId();
  [chosenCity, otherCity] = (
    await db.city.findMany({
      where: { country: "CN" },
      orderBy: { slug: "asc" },
      take: 2,
      select: { id: true },
    })
  ).map(({ id }) => id) as [string, string];
});

afterAll(async () => {
  await outboxRunSettled();
  closeMailTransport();
  await sink.stop();
});

const moved = texts({
  de: {
    subject: "Neuer Raum für {{name}}",
    body: "Guten Tag {{name}},\n\nder Workshop ist umgezogen.\n\nIhre Anmeldung: {{manageLink}}",
  },
  en: {
    subject: "New room",
    body: "Dear {{name}},\n\nthe workshop has moved.\n\nYour registration: {{manageLink}}.",
  },
});

/** The AppError of a rejected promise, as the form shows it to a German organizer. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error, "refused").not.toBeNull();
  return {
    error: error as { code: string; details: { fields?: Record<string, unknown> } },
    state: formStateOf(error, "de", {}),
  };
}

describe("a message to the delegates of a city", () => {
  it("reaches exactly the filtered delegates, each in their language or the fallback, with name and a working link", async () => {
    const organizer = await createActor("organizer");
    const ute = await delegateOf(meetingId, chosenCity, {
      language: "de",
      givenName: "Ute",
      familyName: "Berg",
      honorific: "Dr.",
    });
    const jane = await delegateOf(meetingId, chosenCity, {
      language: "en",
      givenName: "Jane",
      familyName: "Smith",
    });
    const wang = await delegateOf(meetingId, chosenCity, {
      language: "zh",
      givenName: "Wei",
      familyName: "Wang",
      nativeName: "王伟",
      nameOrder: "family_first",
    });
    // Not chosen: cancelled, anonymized, of another city.
    const karl = await delegateOf(meetingId, chosenCity, {
      language: "de",
      givenName: "Karl",
      familyName: "Weg",
      status: "cancelled",
    });
    await delegateOf(meetingId, chosenCity, {
      language: "de",
      givenName: "",
      familyName: "",
      anonymized: true,
    });
    const elsewhere = await delegateOf(meetingId, otherCity, {
      language: "de",
      givenName: "Eva",
      familyName: "Ort",
    });

    const filterQuery = `city=${chosenCity}&status=confirmed`;
    const draft = await draftMessage(organizer, SLUG, moved, filterQuery);
    expect(draft.recipients.map(({ id }) => id).sort()).toEqual([ute.id, jane.id, wang.id].sort());
    // Without a status filter, those still coming; a cancelled registration only when its status is chosen.
    const ids = async (query: string) =>
      (await draftMessage(organizer, SLUG, moved, query)).recipients.map(({ id }) => id).sort();
    expect(await ids(`city=${chosenCity}`)).toEqual([ute.id, jane.id, wang.id].sort());
    expect(await ids(`city=${chosenCity}&status=cancelled`)).toEqual([karl.id]);

    expect(await sendMessage(organizer, SLUG, draft.id, draft.key)).toEqual({ recipients: 3 });
    await outboxRunSettled();

    expect(
      addressesOf(
        sink.messages.filter(
          (mail) => mail.to && [ute, jane, wang, elsewhere].some((d) => addressesOf([mail])[0] === d.email),
        ),
      ),
    ).toEqual([ute.email, jane.email, wang.email].sort());
    const [toUte] = sink.to(ute.email);
    expect(toUte!.subject).toBe("Neuer Raum für Dr. Ute Berg");
    expect(toUte!.text).toContain("Guten Tag Dr. Ute Berg,\n\nder Workshop ist umgezogen.");
    // The footer of every email to a delegate: the meeting's practical information, then why it came;
    // the preview shows it as sent.
    expect(toUte!.text).toContain("-- \nPraktische Hinweise\nAnsprechperson: Dr. Mara Feld");
    const preview = previewMessage(moved, "de", {
      readers: [
        {
          givenName: "Ute",
          familyName: "Berg",
          nativeName: null,
          nameOrder: "given_first",
          honorific: "Dr.",
          language: "de",
        },
      ],
      organizerName: "Organizer",
      meeting: {
        id: meetingId,
        title: { de: "Jahrestreffen 2017", en: "", zh: "" },
        venueName: "Hannover Messe",
      },
      practical: await getPracticalInfo(meetingId),
    });
    const asPreviewed = (text: string) => text.replace(/manage\/[A-Za-z0-9_-]+/, "manage/…").trimEnd();
    expect(asPreviewed(toUte!.text ?? "")).toBe(asPreviewed(preview?.text ?? ""));
    expect(toUte!.text).toContain("weil Sie mit dieser Adresse zu „Jahrestreffen 2017“ angemeldet sind.");
    expect(await registrationIdForToken(db, manageToken(toUte!, "de"), "manage")).toBe(ute.id);

    const [toJane] = sink.to(jane.email);
    expect(toJane!.subject).toBe("New room");
    expect(toJane!.text).toContain("Dear Jane Smith,");
    expect(await registrationIdForToken(db, manageToken(toJane!, "en"), "manage")).toBe(jane.id);

    // No Chinese text: the English one, the name in its family-first order, the link to the Chinese page.
    const [toWang] = sink.to(wang.email);
    expect(toWang!.subject).toBe("New room");
    expect(toWang!.text).toContain("Dear Wang Wei,");
    expect(await registrationIdForToken(db, manageToken(toWang!, "zh"), "manage")).toBe(wang.id);
    expect(sink.to(elsewhere.email)).toEqual([]);

    const { message } = await getMessage(organizer, SLUG, draft.id);
    expect(message.progress).toEqual({ sent: 3, waiting: 0, retrying: 0, failed: 0 });
    expect(
      (await sentRecipients(organizer, SLUG, draft.id))
        .map((r) => [r.registrationId, r.language, r.status])
        .sort(),
    ).toEqual(
      [
        [ute.id, "de", "sent"],
        [jane.id, "en", "sent"],
        [wang.id, "en", "sent"],
      ].sort(),
    );
    expect(await lastAudit(draft.id)).toMatchObject({
      action: "message.send",
      actorEmail: organizer.email,
      after: { filterQuery, recipients: 3, languages: { de: 1, en: 2, zh: 0 } },
    });
    const history = await registrationHistory(wang.id, new Date(0).toISOString(), null);
    expect(history.filter((entry) => entry.type === "email")).toEqual([
      expect.objectContaining({ kind: "message.delegate", subject: "New room", status: "sent" }),
    ]);
  });

  it("goes out once when sent twice at the same moment, and never again", async () => {
    const organizer = await createActor("organizer");
    const ute = await delegateOf(meetingId, otherCity, {
      language: "de",
      givenName: "Ute",
      familyName: "Zweimal",
    });
    const draft = await draftMessage(organizer, SLUG, moved, `q=Zweimal`);
    const outcomes = await Promise.allSettled([
      sendMessage(organizer, SLUG, draft.id, draft.key),
      sendMessage(organizer, SLUG, draft.id, draft.key),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const again = await refusal(sendMessage(organizer, SLUG, draft.id, draft.key));
    expect(again.state.fieldErrors).toEqual({
      _: "Diese Nachricht wurde bereits versandt; sie geht nicht noch einmal hinaus.",
    });
    // A sent message's text can no longer change either.
    expect(
      (await refusal(saveMessage(organizer, SLUG, draft.id, { texts: moved, filterQuery: "" }))).error.code,
    ).toBe("invalid");
    await outboxRunSettled();
    expect(await db.outboxEmail.count({ where: { registrationId: ute.id } })).toBe(1);
    expect(sink.to(ute.email)).toHaveLength(1);
  });

  it("goes to the organizer alone as a test, in the language previewed, at once", async () => {
    const organizer = await createActor("organizer");
    const draft = await draftMessage(organizer, SLUG, moved, `city=${chosenCity}`);
    // Chinese previewed: the message has no Chinese text, so the test is the English one.
    expect(await sendMessageTest(organizer, SLUG, draft.id, "zh")).toEqual({
      to: organizer.email,
      language: "en",
    });
    await outboxRunSettled();
    const [test] = sink.to(organizer.email);
    expect(test!.subject).toBe("[Test] New room");
    expect(test!.text).toContain("Dear Test organizer,");
    expect(test!.text).toContain("https://meeting.example/zh/manage/…");
    expect((await getMessage(organizer, SLUG, draft.id)).message.sentAt).toBeNull();
    expect(await lastAudit(draft.id)).toMatchObject({
      action: "message.test",
      after: { to: organizer.email, language: "en" },
    });
  });
});

describe("a message's emails queued before an upgrade", () => {
  it("leave with today's code, composed from the stored draft, with a working manage link", async () => {
    const { readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const stored = JSON.parse(
      readFileSync(path.join(import.meta.dirname, "fixtures", "message-drafts-v1.json"), "utf8"),
    )["message.delegate"];
    const reader = await delegateOf(meetingId, otherCity, {
      language: "zh",
      givenName: "Ute",
      familyName: "Brandt",
    });
    const { deliverOutbox } = await import("@/app/_server/mail/delivery");
    await db.outboxEmail.create({
      data: {
        registrationId: reader.id,
        kind: stored.kind,
        toAddress: reader.email,
        subject: stored.subject,
        draft: stored.draft,
        withManageLink: stored.withManageLink,
      },
    });
    expect(await deliverOutbox()).toMatchObject({ sent: 1, failed: 0 });
    const [mail] = sink.to(reader.email);
    expect(mail!.subject).toBe("Neuer Raum für Dr. Ute Brandt");
    expect(await registrationIdForToken(db, manageToken(mail!, "zh"), "manage")).toBe(reader.id);
  });
});

describe("bad input", () => {
  it("refuses a message without text in any language, a text without subject and a subject without text", async () => {
    const organizer = await createActor("organizer");
    const empty = await draftMessage(organizer, SLUG, texts({}), `city=${chosenCity}`);
    const none = await refusal(sendMessage(organizer, SLUG, empty.id, empty.key));
    expect(none.error.details.fields).toEqual({
      bodyDe: { key: "messageEmpty" },
      bodyEn: { key: "messageEmpty" },
      bodyZh: { key: "messageEmpty" },
    });
    expect(none.state.fieldErrors?.bodyDe).toBe(
      "Bitte schreiben Sie die Nachricht in mindestens einer Sprache.",
    );
    const halves = await draftMessage(
      organizer,
      SLUG,
      texts({ en: { subject: "", body: "Dear {{name}}" }, zh: { subject: "通知", body: "" } }),
      `city=${chosenCity}`,
    );
    expect((await refusal(sendMessageTest(organizer, SLUG, halves.id, "en"))).error.details.fields).toEqual({
      subjectEn: { key: "messageSubjectMissing" },
      bodyZh: { key: "messageBodyMissing" },
    });
    for (const { id } of [empty, halves])
      expect((await getMessage(organizer, SLUG, id)).message.sentAt).toBeNull();
    expect(await db.outboxEmail.count({ where: { toAddress: organizer.email } })).toBe(0);
  });

  it("names a placeholder that does not exist, keeping the draft as it was", async () => {
    const organizer = await createActor("organizer");
    const { id } = await createMessage(organizer, SLUG);
    const typo = texts({
      en: { subject: "Hello {{name}}", body: "Dear {{nmae}}, see {{ manageLink }} and {{linkToken}}" },
    });
    const { error, state } = await refusal(
      saveMessage(organizer, SLUG, id, { texts: typo, filterQuery: "" }),
    );
    expect(error.details.fields).toEqual({
      bodyEn: { key: "unknownMessagePlaceholders", values: { names: "{{nmae}}, {{linkToken}}" } },
    });
    expect(state.fieldErrors?.bodyEn).toBe(
      "Diese Platzhalter gibt es nicht: {{nmae}}, {{linkToken}}. Verwenden Sie nur die aufgeführten.",
    );
    expect((await getMessage(organizer, SLUG, id)).message.texts.en).toEqual({ subject: "", body: "" });
  });

  it("refuses filters that choose nobody, and a list that changed since it was shown", async () => {
    const organizer = await createActor("organizer");
    const nobody = await draftMessage(organizer, SLUG, moved, "q=nobody-is-called-this");
    expect(nobody.recipients).toEqual([]);
    expect((await refusal(sendMessage(organizer, SLUG, nobody.id, nobody.key))).error.details.fields).toEqual(
      {
        _: { key: "messageNoRecipients" },
      },
    );
    const few = await draftMessage(organizer, SLUG, moved, "q=Nachzügler");
    await delegateOf(meetingId, otherCity, { language: "de", givenName: "Nina", familyName: "Nachzügler" });
    expect((await refusal(sendMessage(organizer, SLUG, few.id, few.key))).error.details.fields).toEqual({
      _: { key: "messageRecipientsChanged", values: { count: 1 } },
    });
    expect(
      await db.delegateMessageRecipient.count({ where: { messageId: { in: [nobody.id, few.id] } } }),
    ).toBe(0);
  });

  it("lets admins and organizers write to delegates, never check-in staff", async () => {
    const actors = await createRoleActors();
    expect(await roleOutcomes(actors, (actor) => createMessage(actor, SLUG))).toEqual([
      "unauthenticated",
      "forbidden",
      "ok",
      "ok",
    ]);
    const draft = await draftMessage(actors.organizer, SLUG, moved, `city=${chosenCity}`);
    expect(await roleOutcomes(actors, (actor) => sendMessageTest(actor, SLUG, draft.id, "de"))).toEqual([
      "unauthenticated",
      "forbidden",
      "ok",
      "ok",
    ]);
  });
});
