import { isLocale, type AppLocale } from "./locales";

/**
 * The app language an API client asks for: `?lang=` first, then the Accept-Language header
 * ("zh-CN,zh;q=0.9,en;q=0.8" → zh), then the fallback.
 */
export function negotiateLocale(url: URL, acceptLanguage: string | null, fallback: AppLocale = "en"): AppLocale {
  const asked = url.searchParams.get("lang");
  if (isLocale(asked)) return asked;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(params.find((param) => param.trim().startsWith("q="))?.trim().slice(2) ?? 1);
      return { language: tag.toLowerCase().split("-")[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? fallback;
}
