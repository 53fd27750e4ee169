import type { AppLocale } from "../i18n/locales";

/**
 * A User-Agent as a person recognises their own device in a list of sessions: "Edge · Windows". Only the
 * browser's and the system's names, in the order the strings need testing (Edge and Opera also say
 * "Chrome", Chrome also says "Safari", WeChat's browser says all of them). Null for either when unknown.
 */
export type BrowserDescription = { browser: string | null; system: string | null };

const browsers: [RegExp, string][] = [
  [/MicroMessenger\//, "WeChat"],
  [/DingTalk\//, "DingTalk"],
  [/Edg(e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/UCBrowser\//, "UC Browser"],
  [/QQBrowser\//, "QQ Browser"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/Chrome\/|CriOS\/|Chromium\//, "Chrome"],
  [/Version\/[\d.]+.*Safari\//, "Safari"],
];

const systems: [RegExp, string][] = [
  [/HarmonyOS|OpenHarmony/, "HarmonyOS"],
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

/** Chinese readers know these apps by their Chinese names. */
const localNames: Partial<Record<AppLocale, Record<string, string>>> = {
  zh: {
    WeChat: "微信",
    DingTalk: "钉钉",
    "QQ Browser": "QQ浏览器",
    "UC Browser": "UC浏览器",
    HarmonyOS: "鸿蒙",
  },
};

export function describeBrowser(userAgent: string, locale?: AppLocale): BrowserDescription {
  const names = (locale && localNames[locale]) ?? {};
  const match = (list: [RegExp, string][]) => {
    const name = list.find(([pattern]) => pattern.test(userAgent))?.[1];
    return name ? (names[name] ?? name) : null;
  };
  return { browser: match(browsers), system: match(systems) };
}
