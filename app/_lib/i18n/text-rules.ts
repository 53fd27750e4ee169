/**
 * Checks of what people read, for the tests of the messages (messages/texts.test.ts) and of rendered pages
 * (e2e/texts.spec.ts). Each returns what it found, so that a failing test names the offending text.
 */

/** Han characters, CJK punctuation and the full-width forms: the neighbours that call for full-width marks. */
const CJK = "[\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]";

/** ASCII marks that Chinese text writes full-width: ：，（）！？； */
const ASCII_MARKS = "[:,()!?;]";

const chinesePunctuation = [
  // "状态: 已确认": a colon and a space, wherever it stands.
  /\S*: \S*/gu,
  // "新成员:科隆", "您好,", "(工作": an ASCII mark right next to a Chinese character.
  new RegExp(`\\S*${CJK}\\s?${ASCII_MARKS}\\S*`, "gu"),
  new RegExp(`\\S*${ASCII_MARKS}\\s?${CJK}\\S*`, "gu"),
];

/** ASCII punctuation in Chinese text: "状态: 已确认", "新成员:科隆", "(工作或学校账户)". */
export function asciiPunctuationInChinese(text: string): string[] {
  return [...new Set(chinesePunctuation.flatMap((pattern) => text.match(pattern) ?? []))];
}

/** What looks like a time zone's identifier: Europe/Berlin, America/New_York, but also Messe/Laatzen. */
const ZONE_LIKE = /\b[A-Z][a-z]+\/[A-Z][a-z]+(?:_[A-Z][a-z]+)*/g;

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * Time zones named by their identifier (Europe/Berlin, Asia/Shanghai), which people never read. Only real
 * zones count: a station such as "Hannover Messe/Laatzen" or a label such as "Anrede/Titel" is text.
 */
export function zoneIdentifiers(text: string): string[] {
  return [...new Set(text.match(ZONE_LIKE) ?? [])].filter(isTimeZone);
}

/** The index just past the brace that closes the one at `open`. */
function closingBrace(message: string, open: number): number {
  let depth = 0;
  for (let index = open; index < message.length; index++) {
    if (message[index] === "{") depth++;
    else if (message[index] === "}" && --depth === 0) return index + 1;
  }
  return message.length;
}

/** The shown texts of a plural's or select's options ("=0 {…} other {…}"), one after the other. */
function optionTexts(options: string): string {
  const texts: string[] = [];
  for (let index = options.indexOf("{"); index >= 0;) {
    const end = closingBrace(options, index);
    texts.push(shownText(options.slice(index + 1, end - 1)));
    index = options.indexOf("{", end);
  }
  return texts.join(" ");
}

/**
 * The text a message shows, without its ICU syntax: an argument becomes "X" (a neutral Latin letter, so
 * that "{city}：" passes and "{city}:" does not), the options of plurals and selects follow one another,
 * "#" is a number, rich-text tags go.
 */
export function shownText(message: string): string {
  let shown = "";
  for (let index = 0; index < message.length;) {
    if (message[index] !== "{") {
      shown += message[index++];
      continue;
    }
    const end = closingBrace(message, index);
    const argument = message.slice(index + 1, end - 1);
    const choice = argument.match(/^\s*\w+\s*,\s*(?:plural|select|selectordinal)\s*,/);
    shown += choice ? optionTexts(argument.slice(choice[0].length)) : "X";
    index = end;
  }
  return shown.replace(/<\/?[a-zA-Z]+>/g, "").replace(/#/g, "1");
}
