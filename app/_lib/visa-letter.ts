import type { AppLocale } from "./i18n/locales";
import type { VisaDetails } from "./registration/visa";
import { defaultVisaLetters } from "./visa-letter-defaults";

/**
 * The visa invitation letter: a template per language, written by the organizers (or the built-in one),
 * with `{placeholders}` for the delegate's and the meeting's data. Pure, so that the edit form, the
 * save check and the print view agree on what a template means.
 */

/** Every placeholder a template may use, in the order the edit form lists them. */
export const letterPlaceholders = [
  "fullName",
  "delegateName",
  "nativeName",
  "honorific",
  "position",
  "organization",
  "city",
  "country",
  "birthDate",
  "nationality",
  "passportNumber",
  "passportExpiry",
  "arrivalDate",
  "departureDate",
  "meetingTitle",
  "meetingDates",
  "venue",
  "today",
  "alliance",
] as const;
export type LetterPlaceholder = (typeof letterPlaceholders)[number];

/** The values of one letter; empty strings where the delegate gave nothing. */
export type LetterData = Record<LetterPlaceholder, string>;

type VisaPlaceholder =
  "birthDate" | "nationality" | "passportNumber" | "passportExpiry" | "arrivalDate" | "departureDate";

/**
 * The passport details as the letter writes them: dates in the letter's language, the nationality as
 * the name of the issuing state; empty strings without details, so that their lines drop out.
 */
export function visaLetterPlaceholders(
  details: VisaDetails | null,
  lang: AppLocale,
  dateFormat: Intl.DateTimeFormat,
): Record<VisaPlaceholder, string> {
  const day = (iso: string | undefined) => (iso ? dateFormat.format(new Date(`${iso}T00:00:00Z`)) : "");
  return {
    birthDate: day(details?.birthDate),
    nationality: details
      ? (new Intl.DisplayNames([lang], { type: "region", fallback: "code" }).of(details.nationality) ?? "")
      : "",
    passportNumber: details?.passportNumber ?? "",
    passportExpiry: day(details?.passportExpiry),
    arrivalDate: day(details?.arrivalDate),
    departureDate: day(details?.departureDate),
  };
}

/** Longest template kept: a letter is one page, this leaves room for several. */
export const MAX_TEMPLATE_LENGTH = 10_000;

// Letters, digits and underscores between braces; anything else in braces is plain text.
const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

function isPlaceholder(name: string): name is LetterPlaceholder {
  return (letterPlaceholders as readonly string[]).includes(name);
}

/** Placeholders the template uses that the letter cannot fill, each once, in order of appearance. */
export function unknownPlaceholders(template: string): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) if (!isPlaceholder(match[1]!)) unknown.add(match[1]!);
  return [...unknown];
}

/** The organizers' template of a language, or the built-in letter where they have written none. */
export function letterTemplate(saved: string | null | undefined, lang: AppLocale): string {
  return saved?.trim() ? saved : defaultVisaLetters[lang];
}

/**
 * The letter's text: each known placeholder replaced by its value, whitespace inside a value collapsed
 * so that a value cannot add lines of its own. A line where a value was empty is tidied (no doubled
 * spaces or commas, no empty brackets, no separator at either end) and dropped if nothing is left: a
 * delegate without a position gets no stray ", " in the address block. Unknown placeholders stay as
 * written (saving refuses them, so only a template saved before a placeholder was removed has any).
 */
export function renderLetter(template: string, data: LetterData): string {
  const lines: string[] = [];
  for (const line of template.replace(/\r\n?/g, "\n").split("\n")) {
    let emptied = false;
    let filled = false;
    const rendered = line.replace(PLACEHOLDER, (whole, name: string) => {
      if (!isPlaceholder(name)) return whole;
      const value = data[name].replace(/\s+/g, " ").trim();
      if (value) filled = true;
      else emptied = true;
      return value;
    });
    // Every value of the line empty: its labels ("Passport no.") would stand alone.
    if (emptied && !filled) continue;
    if (!emptied) lines.push(rendered);
    else {
      const tidied = tidy(rendered);
      if (tidied) lines.push(tidied);
    }
  }
  return lines.join("\n");
}

const SEPARATORS = "[,，、;；]";

function tidy(line: string): string {
  return line
    .replace(/\(\s*\)|（\s*）/g, "")
    .replace(new RegExp(`\\s*${SEPARATORS}(\\s*${SEPARATORS})+`, "g"), (run) => run.trim()[0]!)
    .replace(/[ \t]{2,}/g, " ")
    .replace(new RegExp(`^[\\s:：]*${SEPARATORS}?\\s*|\\s*${SEPARATORS}?[\\s]*$`, "g"), "")
    .trim();
}

/** The letter as paragraphs (split at blank lines), each keeping its own line breaks. */
export function letterParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\s+$/g, ""))
    .filter((paragraph) => paragraph.trim() !== "");
}
