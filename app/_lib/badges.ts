import { htmlLang, type AppLocale } from "./i18n/locales";
import { pick, type Translations } from "./i18n/localized";
import { messages } from "./i18n/messages";
import { createTranslator } from "./i18n/translator";
import { displayName, type PersonName } from "./names";
import type { DelegateRole } from "./registration/fields";

/** What a badge says about its delegate, as the registration holds it. */
export type BadgeDelegate = PersonName & {
  honorific: string | null;
  position: string | null;
  /** The registration's language: the badge speaks it. */
  language: AppLocale;
  role: DelegateRole;
  city: { name: Translations } | null;
  cityOther: string | null;
};

/** One line of a badge and the language it is written in, for its `lang` attribute (and so its font). */
export type BadgeLine = { text: string; lang: string };

/** A name line with the honorific that belongs to it: "Dr." before "Anna Keller", "市长" after "王伟". */
export type BadgeNameLine = BadgeLine & { before: string | null; after: string | null };

export type BadgeText = {
  /** The delegate's language as a `lang` attribute: the badge's own. */
  lang: string;
  meetingTitle: string;
  /** An honorific that fits neither name line's script, on a line of its own above the name. */
  honorific: BadgeLine | null;
  name: { primary: BadgeNameLine; secondary: BadgeNameLine | null };
  position: BadgeLine | null;
  place: { primary: BadgeLine; secondary: BadgeLine | null };
  /** "代表团团长 · Head of delegation"; just "Head of delegation" for a delegate who reads English. */
  role: { own: string; staff: string | null; text: string };
};

/**
 * The role's second language on every badge is English, whoever wears it: the fair's hosts, security and
 * interpreters come from many countries and all read English, and a German second line would say nothing
 * to the Chinese hosts who receive the Chinese delegations. German delegates read it too.
 */
export const STAFF_LANGUAGE: AppLocale = "en";

const HAN = /\p{Script=Han}/u;

/**
 * The language a text typed by the delegate is written in, as far as a badge needs it: Chinese characters
 * are Chinese; anything else is in the delegate's language, or English from a delegate who reads Chinese
 * (the Latin-script words Chinese delegations write on forms are English ones: "Vice Mayor").
 */
function langOf(text: string, language: AppLocale): string {
  if (HAN.test(text)) return htmlLang.zh;
  return htmlLang[language === "zh" ? "en" : language];
}

function roleName(role: DelegateRole, language: AppLocale): string {
  return createTranslator({ locale: language, messages: messages[language], namespace: "roles" })(role);
}

/**
 * What each badge says, in the delegate's own language rather than the organizer's:
 * - the name as the delegate reads it (`displayName` in their language): for a Chinese reader the native
 *   name large (as written, family name first) and the Latin one beneath; for everyone else the Latin
 *   name, with the native one beneath where there is one;
 * - the honorific and the position as the delegate typed them (the only form the registration has them
 *   in: their own words). The honorific goes with the name written in its script, so that a title never
 *   stands in one script before a name in another ("市长 Anna Keller"): a Latin one before the Latin name,
 *   a Chinese one after the native name, as Chinese writes titles; one that fits neither has its own line;
 * - the city in the delegate's language, with its other script beneath (the Chinese name for readers of
 *   German or English, the English one for readers of Chinese); a town typed by the delegate as typed;
 * - the role in the delegate's language and in English for the staff (see STAFF_LANGUAGE).
 */
export function badgeText(
  delegate: BadgeDelegate,
  meeting: { title: Translations; defaultLocale: AppLocale },
): BadgeText {
  const { language } = delegate;
  const names = displayName({ ...delegate, honorific: undefined }, language);
  const honorific = delegate.honorific?.trim() || null;
  const line = (text: string): BadgeNameLine => ({
    text,
    lang: langOf(text, language),
    before: null,
    after: null,
  });
  const primary = line(names.primary);
  const secondary = names.secondary ? line(names.secondary) : null;
  let alone: BadgeLine | null = null;
  if (honorific) {
    const chinese = HAN.test(honorific);
    const home = [primary, secondary].find((name) => name && HAN.test(name.text) === chinese);
    if (home && chinese) home.after = honorific;
    else if (home) home.before = honorific;
    else alone = { text: honorific, lang: langOf(honorific, language) };
  }

  const position = delegate.position?.trim() || null;
  const own = roleName(delegate.role, language);
  const staff = language === STAFF_LANGUAGE ? null : roleName(delegate.role, STAFF_LANGUAGE);
  return {
    lang: htmlLang[language],
    meetingTitle: pick(meeting.title, language, meeting.defaultLocale),
    honorific: alone,
    name: { primary, secondary },
    position: position ? { text: position, lang: langOf(position, language) } : null,
    place: placeLines(delegate, language),
    role: { own, staff, text: staff ? `${own} · ${staff}` : own },
  };
}

function placeLines({ city, cityOther }: BadgeDelegate, language: AppLocale): BadgeText["place"] {
  if (!city) {
    const typed = cityOther?.trim() ?? "";
    return { primary: { text: typed, lang: langOf(typed, language) }, secondary: null };
  }
  const name = pick(city.name, language);
  const otherLanguage: AppLocale = language === "zh" ? "en" : "zh";
  const other = city.name[otherLanguage]?.trim();
  return {
    primary: { text: name, lang: langOf(name, language) },
    secondary: other && other !== name ? { text: other, lang: htmlLang[otherLanguage] } : null,
  };
}
