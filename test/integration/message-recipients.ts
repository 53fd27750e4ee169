import { randomUUID } from "node:crypto";
import type { ParsedMail } from "mailparser";
import { expect } from "vitest";
import type { MessageTexts } from "@/app/_lib/delegate-message";
import type { Actor } from "@/app/_server/authz";

/**
 * Delegates and messages for the tests of messages to chosen delegates. Import it after sinkForTheApp
 * (test/smtp-sink.ts), like the app's modules, so that it uses the app as the sink set it up.
 */

export type Reader = {
  language: "de" | "en" | "zh";
  givenName: string;
  familyName: string;
  nativeName?: string;
  nameOrder?: "given_first" | "family_first";
  honorific?: string;
  status?: "pending" | "confirmed" | "cancelled" | "rejected";
  anonymized?: boolean;
};

/** A registration of `cityId` for the meeting, stored as it is (no email queued). */
export async function delegateOf(meetingId: string, cityId: string | null, reader: Reader) {
  const { db } = await import("@/app/_server/db");
  const { newCheckInCode } = await import("@/app/_server/registration/tokens");
  const email = `${reader.language}-${randomUUID().slice(0, 8)}@example.org`;
  const status = reader.status ?? "confirmed";
  return db.registration.create({
    data: {
      meetingId,
      cityId,
      cityOther: cityId ? null : "Elsewhere",
      status,
      givenName: reader.givenName,
      familyName: reader.familyName,
      nativeName: reader.nativeName ?? null,
      nameOrder: reader.nameOrder ?? "given_first",
      honorific: reader.honorific ?? null,
      role: "delegate",
      email,
      activeEmail: status === "cancelled" || status === "rejected" ? null : email,
      language: reader.language,
      privacyConsentAt: new Date(),
      checkInCode: newCheckInCode(),
      anonymizedAt: reader.anonymized ? new Date() : null,
    },
    select: { id: true, email: true },
  });
}

/** Texts in the languages given, empty in the others. */
export function texts(written: Partial<MessageTexts>): MessageTexts {
  const empty = { subject: "", body: "" };
  return { de: written.de ?? empty, en: written.en ?? empty, zh: written.zh ?? empty };
}

/**
 * A draft for the meeting with these texts and filters, saved as the form saves it; and the key of the
 * list of recipients the page would show with it.
 */
export async function draftMessage(
  actor: Actor,
  meetingSlug: string,
  written: MessageTexts,
  filterQuery: string,
) {
  const { createMessage, saveMessage, getMessage } = await import("@/app/_server/desk/messages/messages");
  const { listRecipients, recipientsKey } = await import("@/app/_server/desk/messages/recipients");
  const { parseDeskFilters } = await import("@/app/_lib/registration/desk-filters");
  const { id } = await createMessage(actor, meetingSlug);
  await saveMessage(actor, meetingSlug, id, { texts: written, filterQuery });
  const { meeting } = await getMessage(actor, meetingSlug, id);
  const recipients = await listRecipients(
    actor,
    meeting.id,
    parseDeskFilters(new URLSearchParams(filterQuery)),
  );
  return { id, recipients, key: recipientsKey(recipients) };
}

/** The token of the manage link in a delivered message (the HTML part carries the same one). */
export function manageToken(mail: ParsedMail, locale: string): string {
  const match = new RegExp(`https://meeting\\.example/${locale}/manage/([A-Za-z0-9_-]{43})`).exec(
    mail.text ?? "",
  );
  expect(match, "manage link in the text").not.toBeNull();
  expect(mail.html).toContain(`<a href="https://meeting.example/${locale}/manage/${match![1]}">`);
  return match![1]!;
}

/** The addresses the sink received messages for, sorted. */
export function addressesOf(mails: ParsedMail[]): string[] {
  return mails
    .flatMap((mail) =>
      mail.to && !Array.isArray(mail.to) ? mail.to.value.map((entry) => entry.address!) : [],
    )
    .sort();
}
