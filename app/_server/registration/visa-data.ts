import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { travelOutsideWindow, travelWindow, type VisaDetails } from "@/app/_lib/registration/visa";
import { invalid } from "../errors";
import type { AppError } from "../errors";
import { dataKeyring, decryptWith, encryptWith } from "../security/field-cipher";

/**
 * A registration's visa details as stored (`Registration.visaData`): encrypted, bound to the registration's
 * id. Read back only by the organizers' visa letters (desk/visa-letters.ts), the delegate's own data
 * export and the key rotation of the retention run; never by views, emails, exports without the explicit
 * option, or the audit log.
 */

export async function sealVisaDetails(details: VisaDetails, registrationId: string): Promise<string> {
  return encryptWith(await dataKeyring(), JSON.stringify(details), registrationId);
}

export async function openVisaDetails(sealed: string, registrationId: string): Promise<VisaDetails> {
  return JSON.parse(decryptWith(await dataKeyring(), sealed, registrationId)) as VisaDetails;
}

/** The columns that hold a letter's details and course, emptied when the letter is no longer wanted. */
export const NO_VISA_LETTER = {
  visaData: null,
  visaRequestedAt: null,
  visaIssuedOn: null,
  visaSentOn: null,
} as const;

/** Travel dates far from the meeting's days, as field errors in the visitor's language; null when fine. */
export function travelDatesRefusal(
  visa: VisaDetails,
  meeting: { startsOn: Date; endsOn: Date },
  locale: AppLocale,
): AppError | null {
  const days = { startsOn: isoDay(meeting.startsOn), endsOn: isoDay(meeting.endsOn) };
  const outside = travelOutsideWindow(visa, days);
  if (outside.length === 0) return null;
  const window = travelWindow(days);
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const shown = (day: string) => format.format(new Date(`${day}T00:00:00Z`));
  return invalid(
    Object.fromEntries(
      outside.map((field) => [
        field,
        field === "arrivalDate"
          ? { key: "arrivalWindow", values: { from: shown(window.from), to: shown(days.endsOn) } }
          : { key: "departureWindow", values: { from: shown(days.startsOn), to: shown(window.to) } },
      ]),
    ),
  );
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
