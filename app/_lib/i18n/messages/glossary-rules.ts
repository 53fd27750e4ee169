import type { AppLocale } from "../locales";

/**
 * The glossary (glossary.md, beside this file) as rules a test can check: words that are NOT the
 * glossary's term for a concept, per language. messages/texts.test.ts fails when a message uses one.
 * A word that is right in some places and wrong in others is written so that only the wrong use matches.
 */
export type GlossaryRule = {
  locale: AppLocale;
  /** What must not appear in a message of that language. */
  avoid: RegExp;
  /** The glossary's term instead. */
  use: string;
};

export const glossaryRules: readonly GlossaryRule[] = [
  // Interpretation: one term in Chinese for the service and one for the person.
  { locale: "zh", avoid: /翻译/, use: "口译 (interpretation), 口译员 (interpreter)" },
  { locale: "zh", avoid: /同传|同声传译/, use: "口译" },
  { locale: "de", avoid: /[Üü]bersetz/, use: "Verdolmetschung, Dolmetscher/in" },
  { locale: "en", avoid: /\btranslat/i, use: "interpretation, interpreter" },
  // The person who presides over a session or ceremony is its 主持人, never the hosting party.
  { locale: "zh", avoid: /东道主/, use: "主持人" },
  // Role labels name people, not what they do.
  { locale: "zh", avoid: /^发言$/, use: "演讲嘉宾" },
  { locale: "de", avoid: /^Rede$/, use: "Redner/in" },
  // A waiting-list position is no seat (Platz).
  {
    locale: "de",
    avoid: /Warteliste, Platz|Wartelisten-Pl/,
    use: "Position … auf der Warteliste, Wartelistenplatz",
  },
  { locale: "en", avoid: /waiting list, place/i, use: "No. … on the waiting list" },
  // Place names, each language its own.
  { locale: "en", avoid: /Köln|Koeln/, use: "Cologne" },
  { locale: "de", avoid: /Cologne/, use: "Köln" },
  { locale: "zh", avoid: /Hannover|Messe/, use: "汉诺威, 汉诺威工业博览会" },
  { locale: "en", avoid: /Hanover/, use: "Hannover" },
];

/** The rules a text breaks, as "avoid → use". */
export function glossaryViolations(text: string, locale: AppLocale): string[] {
  return glossaryRules
    .filter((rule) => rule.locale === locale && rule.avoid.test(text))
    .map((rule) => `${String(rule.avoid)} → ${rule.use}`);
}
