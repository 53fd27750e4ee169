import "server-only";
import { visaLetterExpectedBy, visaLetterStatus, type VisaLetterStatus } from "@/app/_lib/registration/visa";
import type { VisaDetails } from "@/app/_lib/registration/visa";
import { db } from "../db";
import { openVisaDetails } from "../registration/visa-data";
import { UndecryptableError } from "../security/field-cipher";

/** A requested letter's course as the delegate sees it; days as yyyy-MM-dd. */
export type DelegateVisaLetter = {
  status: VisaLetterStatus;
  requestedAt: string;
  /** The day the letter is expected by: the meeting's working days after the request. */
  expectedBy: string;
  issuedOn: string | null;
  sentOn: string | null;
};

const letterSelect = {
  visaLetter: true,
  visaRequestedAt: true,
  visaIssuedOn: true,
  visaSentOn: true,
  meeting: { select: { timeZone: true, visaLetterDays: true } },
} as const;

/** The letter of a registration, null when none was asked for. */
export async function delegateVisaLetter(registrationId: string): Promise<DelegateVisaLetter | null> {
  const row = await db.registration.findUnique({ where: { id: registrationId }, select: letterSelect });
  if (!row?.visaLetter || !row.visaRequestedAt) return null;
  const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;
  return {
    status: visaLetterStatus({ issuedOn: row.visaIssuedOn, sentOn: row.visaSentOn }),
    requestedAt: row.visaRequestedAt.toISOString(),
    expectedBy: visaLetterExpectedBy(row.visaRequestedAt, row.meeting.visaLetterDays, row.meeting.timeZone),
    issuedOn: day(row.visaIssuedOn),
    sentOn: day(row.visaSentOn),
  };
}

/**
 * For the delegate's own data export: the letter with the passport details they gave. The right of
 * access covers them (GDPR Art. 15), and the manage link that asks for the export can change and delete
 * everything anyway; nothing else outside the visa-letters page ever decrypts them.
 */
export async function exportedVisaLetter(
  registrationId: string,
): Promise<(DelegateVisaLetter & { details: VisaDetails | null }) | null> {
  const letter = await delegateVisaLetter(registrationId);
  if (!letter) return null;
  const { visaData } = await db.registration.findUniqueOrThrow({
    where: { id: registrationId },
    select: { visaData: true },
  });
  return { ...letter, details: visaData ? await readableDetails(visaData, registrationId) : null };
}

/** Details sealed with a key no longer configured cannot be read back: the export goes on without them. */
async function readableDetails(visaData: string, registrationId: string): Promise<VisaDetails | null> {
  try {
    return await openVisaDetails(visaData, registrationId);
  } catch (error) {
    if (error instanceof UndecryptableError) return null;
    throw error;
  }
}
