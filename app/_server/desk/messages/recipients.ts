import "server-only";
import { createHash } from "node:crypto";
import { messageLanguage, type MessageTexts } from "@/app/_lib/delegate-message";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import { nameFields, type PersonName } from "@/app/_lib/names";
import type { DeskFilters } from "@/app/_lib/registration/desk-filters";
import { authorize, type Actor } from "../../authz";
import { db, type Prisma } from "../../db";
import { cityNameSelect } from "../../registration/view";
import { deskOrderBy, deskWhere } from "../desk-filter";

/**
 * Who a message goes to: the registrations the desk's filters select (desk-filter.ts, the same query as
 * the list, the exports and the badges), in the list's order, without anonymized ones (they have no
 * address left).
 */

export type MessageRecipient = PersonName & {
  id: string;
  email: string;
  honorific: string | null;
  language: AppLocale;
  status: "pending" | "confirmed" | "cancelled" | "rejected";
  city: Translations | null;
  cityOther: string | null;
};

const recipientSelect = {
  id: true,
  email: true,
  ...nameFields,
  honorific: true,
  language: true,
  status: true,
  cityOther: true,
  city: { select: cityNameSelect },
} as const satisfies Prisma.RegistrationSelect;

/**
 * The delegates the filters choose. Without a status filter only those still coming (pending and
 * confirmed): the desk lists cancelled and rejected registrations too, but "everyone from Köln" should
 * not tell a delegate who cancelled when the bus leaves. A status filter chooses exactly that status.
 */
export async function chooseRecipients(
  client: Pick<Prisma.TransactionClient, "registration">,
  meetingId: string,
  filters: DeskFilters,
): Promise<MessageRecipient[]> {
  const stillComing: Prisma.RegistrationWhereInput = filters.status
    ? {}
    : { status: { in: ["pending", "confirmed"] } };
  const rows = await client.registration.findMany({
    where: { AND: [deskWhere(meetingId, filters), stillComing, { anonymizedAt: null }] },
    select: recipientSelect,
    orderBy: deskOrderBy(filters),
  });
  return rows.map(({ city, ...row }) => ({ ...row, city: city && translationsOf(city, "name") }));
}

/**
 * What the organizer was shown, in a few characters: the send form carries it back, and a list that
 * changed meanwhile (a new registration, a cancellation) is shown again instead of being sent to.
 */
export function recipientsKey(recipients: readonly { id: string }[]): string {
  const ids = recipients.map(({ id }) => id).sort();
  return createHash("sha256").update(ids.join("\n")).digest("base64url").slice(0, 22);
}

/** How many recipients get the message in each language, with the fallback (messageLanguage). */
export function languageCounts(
  texts: MessageTexts,
  recipients: readonly { language: AppLocale }[],
): Record<AppLocale, number> {
  const counts: Record<AppLocale, number> = { de: 0, en: 0, zh: 0 };
  for (const recipient of recipients) {
    const language = messageLanguage(texts, recipient.language);
    if (language) counts[language] += 1;
  }
  return counts;
}

/** Who the desk's filters choose now: the list the message page shows before sending. */
export async function listRecipients(
  actor: Actor | null,
  meetingId: string,
  filters: DeskFilters,
): Promise<MessageRecipient[]> {
  authorize(actor, "writeToDelegates");
  return chooseRecipients(db, meetingId, filters);
}
