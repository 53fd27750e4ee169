import { DateTime } from "luxon";
import { z } from "zod";
import { message, optional } from "../schema";

/**
 * What a consulate needs for an invitation letter, asked for when a delegate requests one: the same
 * checks for the form and the JSON API. Dates are calendar days (yyyy-MM-dd), as a date field sends them.
 */

/** The fields, in the order the form shows them. */
export const visaFieldNames = [
  "passportNumber",
  "nationality",
  "birthDate",
  "passportExpiry",
  "arrivalDate",
  "departureDate",
] as const;
export type VisaFieldName = (typeof visaFieldNames)[number];
export type VisaDetails = Record<VisaFieldName, string>;

/**
 * ISO 3166-1 alpha-2, the codes of the machine-readable zone of a passport's issuing state (ICAO 9303 uses
 * the alpha-3 form of the same list); names come from `Intl.DisplayNames` in the visitor's language.
 */
export const nationalities = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW " +
  "BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI " +
  "FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN " +
  "IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME " +
  "MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF " +
  "PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV " +
  "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE " +
  "YT ZA ZM ZW"
).split(" ");

/** The nationalities as the visitor reads them, sorted in their language; the code where a name is missing. */
export function nationalityOptions(locale: string): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  return nationalities
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** A passport number as printed: letters and digits only (spaces and dashes typed in between are dropped). */
const PASSPORT_NUMBER = /^[A-Z0-9]{5,20}$/;

/** Youngest delegate a letter is written for, and the earliest plausible birth year. */
export const MIN_AGE_YEARS = 16;
const EARLIEST_BIRTH = "1900-01-01";

/**
 * How long the passport must still be valid after the planned departure. The Schengen Visa Code (Art. 12)
 * asks for three months, which German missions apply; some other consulates want six, which the form
 * recommends without refusing a passport that meets the rule the letter is for.
 */
export const PASSPORT_MONTHS_AFTER_DEPARTURE = 3;

/** How far arrival and departure may lie from the meeting's days: a delegation often travels on. */
export const TRAVEL_DAYS_AROUND_MEETING = 30;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, message("date"));
const calendarDay = isoDate.refine((value) => DateTime.fromISO(value).isValid, message("date"));

/** The day a letter was issued or sent: a real calendar day of this century (PostgreSQL has no year 0). */
export const letterDay = calendarDay.refine(
  (day) => day >= "2000-01-01" && day <= "2099-12-31",
  message("date"),
);

/** The day `months` after an ISO day (the end of a shorter month where the day does not exist). */
export function plusMonths(day: string, months: number): string {
  return DateTime.fromISO(day, { zone: "utc" }).plus({ months }).toISODate()!;
}

/** Today as an ISO day in UTC: a birthday is exact to a day; nobody turns 16 on the form. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The visa fields of a registration: read (and required) only when the letter is asked for; without it,
 * whatever was sent is dropped. The output is `visa`: the details, or null.
 */
export const visaRequest = z
  .object({
    visaLetter: z.boolean(message("invalidChoice")).default(false),
    passportNumber: optional(40).transform((value) => value?.toUpperCase().replace(/[\s-]/g, "") ?? null),
    nationality: optional(2),
    birthDate: optional(10),
    passportExpiry: optional(10),
    arrivalDate: optional(10),
    departureDate: optional(10),
  })
  .superRefine((value, context) => {
    if (!value.visaLetter) return;
    const problem = (path: VisaFieldName, key: Parameters<typeof message>[0]) =>
      context.addIssue({ code: "custom", path: [path], message: key });
    for (const name of visaFieldNames) if (!value[name]) problem(name, "required");
    if (value.passportNumber && !PASSPORT_NUMBER.test(value.passportNumber))
      problem("passportNumber", "passportNumber");
    if (value.nationality && !nationalities.includes(value.nationality))
      problem("nationality", "invalidChoice");
    const days = {} as Partial<Record<VisaFieldName, string>>;
    for (const name of ["birthDate", "passportExpiry", "arrivalDate", "departureDate"] as const) {
      const day = value[name];
      if (!day) continue;
      if (calendarDay.safeParse(day).success) days[name] = day;
      else problem(name, "date");
    }
    if (
      days.birthDate &&
      (days.birthDate < EARLIEST_BIRTH || days.birthDate > plusMonths(today(), -12 * MIN_AGE_YEARS))
    )
      problem("birthDate", "birthDate");
    if (days.arrivalDate && days.departureDate && days.departureDate < days.arrivalDate)
      problem("departureDate", "departureBeforeArrival");
    const lastTravelDay = days.departureDate ?? days.arrivalDate;
    if (
      days.passportExpiry &&
      lastTravelDay &&
      days.passportExpiry < plusMonths(lastTravelDay, PASSPORT_MONTHS_AFTER_DEPARTURE)
    )
      problem("passportExpiry", "passportExpiry");
  })
  .transform(
    // Optional in the type: callers that build an input themselves (tests, the demo) may leave it out.
    ({ visaLetter, ...fields }): { visa?: VisaDetails | null } => ({
      visa: visaLetter ? (fields as VisaDetails) : null,
    }),
  );

/**
 * The days a delegate may arrive and leave, around the meeting's first and last day (ISO days): checked
 * where the meeting is known (registering), since the shared schema is the same for every meeting.
 */
export function travelWindow(meeting: { startsOn: string; endsOn: string }): { from: string; to: string } {
  const day = (iso: string, days: number) =>
    DateTime.fromISO(iso, { zone: "utc" }).plus({ days }).toISODate()!;
  return {
    from: day(meeting.startsOn, -TRAVEL_DAYS_AROUND_MEETING),
    to: day(meeting.endsOn, TRAVEL_DAYS_AROUND_MEETING),
  };
}

/** Which travel dates lie outside the window: arrival after the meeting's last day, departure before its first. */
export function travelOutsideWindow(
  visa: Pick<VisaDetails, "arrivalDate" | "departureDate">,
  meeting: { startsOn: string; endsOn: string },
): ("arrivalDate" | "departureDate")[] {
  const { from, to } = travelWindow(meeting);
  const outside: ("arrivalDate" | "departureDate")[] = [];
  if (visa.arrivalDate < from || visa.arrivalDate > meeting.endsOn) outside.push("arrivalDate");
  if (visa.departureDate < meeting.startsOn || visa.departureDate > to) outside.push("departureDate");
  return outside;
}

export const visaLetterStatuses = ["requested", "issued", "sent"] as const;
export type VisaLetterStatus = (typeof visaLetterStatuses)[number];

/** The letter's status: the latest step that has a date. */
export function visaLetterStatus(letter: { issuedOn: Date | null; sentOn: Date | null }): VisaLetterStatus {
  return letter.sentOn ? "sent" : letter.issuedOn ? "issued" : "requested";
}

/**
 * The day a letter asked for at `requestedAt` is expected by: `workingDays` days Monday to Friday after
 * the day it was asked for, in the meeting's zone (public holidays differ by country and are not counted).
 */
export function visaLetterExpectedBy(requestedAt: Date, workingDays: number, timeZone: string): string {
  let day = DateTime.fromJSDate(requestedAt, { zone: timeZone }).startOf("day");
  for (let left = workingDays; left > 0;) {
    day = day.plus({ days: 1 });
    if (day.weekday <= 5) left--;
  }
  return day.toISODate()!;
}
