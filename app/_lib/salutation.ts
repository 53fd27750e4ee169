import type { AppLocale } from "./i18n/locales";
import { displayName, type PersonName } from "./names";

/**
 * How a letter greets a delegate. The registration asks for one "honorific or title" as the delegate
 * writes it ("Frau Dr.", "Herr", "Dr.", "Bürgermeisterin", "市长"); we know no more about them than that.
 *
 * - German: "Herr …"/"Frau …" gives the formal "Sehr geehrter Herr Dr. Müller-Lüdenscheidt" (title and
 *   family name, as German letters address people); anything else the neutral "Guten Tag Dr. Jürgen
 *   Müller-Lüdenscheidt" of DIN 5008, which needs no guess at anyone's gender.
 * - English: a title goes with the family name ("Dear Dr Wang", "Dear Ms Berg"), no title takes the full
 *   name ("Dear Ute Berg").
 * - Chinese: the name in Chinese characters where there is one, a Chinese title after it ("尊敬的王伟市长").
 */
export type Salutation = { form: "mr" | "ms" | "neutral"; name: string };

type Person = PersonName & { honorific: string | null };

const GERMAN_FORMS = [
  { form: "mr", word: /^Herrn?(?=\s|$)/ },
  { form: "ms", word: /^Frau(?=\s|$)/ },
] as const;

/** Han characters: a title written in Chinese goes after a Chinese name. */
const HAN = /\p{Script=Han}/u;

export function salutation(person: Person, locale: AppLocale): Salutation {
  const honorific = person.honorific?.trim() ?? "";
  const withTitle = (title: string) => (title ? { [locale]: title } : undefined);
  if (locale === "de") {
    for (const { form, word } of GERMAN_FORMS) {
      const match = honorific.match(word);
      if (!match) continue;
      const title = honorific.slice(match[0].length).trim();
      return {
        form,
        name: [form === "mr" ? "Herr" : "Frau", title, person.familyName].filter(Boolean).join(" "),
      };
    }
  }
  if (locale === "en" && honorific && !HAN.test(honorific))
    return { form: "neutral", name: `${honorific} ${person.familyName}` };
  if (locale === "zh" && person.nativeName && HAN.test(honorific))
    return { form: "neutral", name: `${person.nativeName}${honorific}` };
  return {
    form: "neutral",
    name: displayName({ ...person, honorific: withTitle(honorific) }, locale).primary,
  };
}
