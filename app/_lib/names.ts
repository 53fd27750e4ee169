import type { AppLocale } from "./i18n/locales";
import { pick, type Translations } from "./i18n/localized";

/** A name as people and registrations store it. */
export type PersonName = {
  givenName: string;
  familyName: string;
  nativeName: string | null;
  nameOrder: "given_first" | "family_first";
};

/** The columns of a `PersonName`, as a Prisma `select` of a person or a registration. */
export const nameFields = { givenName: true, familyName: true, nativeName: true, nameOrder: true } as const;

export type NamedPerson = PersonName & { honorific?: Partial<Translations> };

/** The name in Latin script in the person's own order: "Ute Berg", "Wang Wei". */
export function latinName(person: NamedPerson): string {
  return person.nameOrder === "family_first"
    ? `${person.familyName} ${person.givenName}`
    : `${person.givenName} ${person.familyName}`;
}

/**
 * The name as a reader of `locale` expects it: Chinese readers see the native-script name first where
 * there is one; everyone else the Latin name, followed by the native one in brackets.
 */
export function displayName(
  person: NamedPerson,
  locale: AppLocale,
): { primary: string; secondary: string | null } {
  if (isAnonymized(person)) return { primary: ANONYMIZED[locale], secondary: null };
  const honorific = person.honorific ? pick(person.honorific, locale) : "";
  const latin = [honorific, latinName(person)].filter(Boolean).join(" ");
  if (!person.nativeName) return { primary: latin, secondary: null };
  return locale === "zh"
    ? { primary: person.nativeName, secondary: latinName(person) }
    : { primary: latin, secondary: person.nativeName };
}

/**
 * The name on one line, as a heading or a log names a person: "Li Qiang (李强)", for Chinese readers
 * "李强（Li Qiang）" (full-width brackets in Chinese text).
 */
export function nameLine(person: NamedPerson, locale: AppLocale): string {
  const name = displayName(person, locale);
  if (!name.secondary) return name.primary;
  return locale === "zh" ? `${name.primary}（${name.secondary}）` : `${name.primary} (${name.secondary})`;
}

/**
 * A registration past its retention date keeps no name (app/_server/retention/anonymize.ts); the forms
 * never accept an empty one, so an empty name means exactly that. Said here rather than in every list,
 * detail page and delegation that shows a name.
 */
const ANONYMIZED: Record<AppLocale, string> = { de: "(anonymisiert)", en: "(anonymized)", zh: "（已匿名）" };

function isAnonymized(person: NamedPerson): boolean {
  return person.givenName === "" && person.familyName === "" && !person.nativeName;
}
