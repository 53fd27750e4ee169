import "server-only";
import { Prisma } from "../generated/prisma/client";
import { rateLimitKey } from "../rate-limit";
import { newCheckInCode } from "../registration/tokens";
import { scrubRegistrationAudit } from "../registration/audit-scrub";
import { NO_VISA_LETTER } from "../registration/visa-data";

type Tx = Prisma.TransactionClient;

/** What one meeting's anonymization changed (or, in a dry run, would change). Counts only: no names. */
export type AnonymizedCounts = {
  registrations: number;
  emails: number;
  links: number;
  idempotencyKeys: number;
  auditEntries: number;
};

/**
 * Registration, field by field, once the meeting is past its retention date. Kept: what the numbers
 * page and the seat history need, none of which names a person on its own.
 *   kept    id, meetingId, status, cityId (member city, hence country), role, language,
 *           interpretation, nameOrder, privacyConsentAt, createdAt, cancelledAt, and the seats
 *           (sessions, waiting places) and the check-in time in their own tables.
 *   emptied givenName, familyName, email ("": the columns are required; anonymizedAt tells the
 *           pages to show "anonymized" instead).
 *   null    nativeName, honorific, position, organization, cityOther (free text), phone, activeEmail,
 *           dietaryNeeds and accessibilityNeeds (health data).
 *   false   visaLetter (the letter is made from the name and passport details of a person; false also
 *           keeps the row off the visa-letter list), photoConsent and listConsent (there is no longer a
 *           person whose picture or name could be published).
 *   null    visaData (the encrypted passport details, usually gone 30 days after the meeting already:
 *           visa-data.ts), visaRequestedAt, visaIssuedOn, visaSentOn (the letter's course).
 *   new     checkInCode: a fresh random code, because the old one is printed on the delegate's badge
 *           and in their emails and would lead from them to the row.
 *   set     anonymizedAt: now; updatedAt follows.
 * Gone with it: the manage and calendar links (their hashes, so both answer 404), the outbox emails
 * (address and text), idempotency keys (their sealed answers hold the manage link), the rate-limit
 * counters of the address (lost link). In the audit log the registration's entries keep their action, time and
 * organizer, and their before/after records lose everything personal (registration/audit-scrub.ts). The check-in
 * keeps its time and the staff member, an organizer's account like the audit log's actor.
 */
const ANONYMOUS = {
  givenName: "",
  familyName: "",
  email: "",
  nativeName: null,
  honorific: null,
  position: null,
  organization: null,
  cityOther: null,
  phone: null,
  activeEmail: null,
  dietaryNeeds: null,
  accessibilityNeeds: null,
  visaLetter: false,
  photoConsent: false,
  listConsent: false,
  ...NO_VISA_LETTER,
} as const satisfies Prisma.RegistrationUpdateInput;

/**
 * Anonymizes every registration of the meeting that still holds personal data, inside the caller's
 * transaction. Rows already anonymized are left alone, so a second run finds nothing to do.
 */
export async function anonymizeMeeting(tx: Tx, meetingId: string, now: Date): Promise<AnonymizedCounts> {
  // Locked like every registration change (registration/changes.ts), so a delegate's last edit cannot cross this one.
  const registrations = await tx.$queryRaw<{ id: string; email: string }[]>`
    SELECT "id", "email" FROM "Registration"
    WHERE "meetingId" = ${meetingId} AND "anonymizedAt" IS NULL
    ORDER BY "id" FOR NO KEY UPDATE`;
  const ids = registrations.map((row) => row.id);

  const emails = await tx.outboxEmail.deleteMany({ where: { registrationId: { in: ids } } });
  const links = await tx.accessToken.deleteMany({ where: { registrationId: { in: ids } } });
  const idempotencyKeys = await tx.idempotencyKey.deleteMany({ where: { registrationId: { in: ids } } });
  // Counters keyed by the address ("lost-link:email:<hash>"), whatever their scope.
  const endings = await Promise.all(registrations.map((row) => rateLimitKey("", row.email)));
  await tx.rateLimit.deleteMany({ where: { OR: endings.map((ending) => ({ key: { endsWith: ending } })) } });
  for (const id of ids) {
    await tx.registration.update({
      where: { id },
      data: { ...ANONYMOUS, checkInCode: newCheckInCode(), anonymizedAt: now, updatedAt: now },
    });
  }
  const auditEntries = await scrubRegistrationAudit(tx, { meetingId });
  return {
    registrations: ids.length,
    emails: emails.count,
    links: links.count,
    idempotencyKeys: idempotencyKeys.count,
    auditEntries,
  };
}
