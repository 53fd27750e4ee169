import { defaultLocale, isLocale, type AppLocale } from "./locales";

/**
 * The app language an API client asks for: `?lang=` first, then the Accept-Language header
 * ("zh-CN,zh;q=0.9,en;q=0.8" → zh), then the fallback.
 */
export function negotiateLocale(
  url: URL,
  acceptLanguage: string | null,
  fallback: AppLocale = "en",
): AppLocale {
  const asked = url.searchParams.get("lang");
  if (isLocale(asked)) return asked;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((param) => param.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { language: tag.toLowerCase().split("-")[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? fallback;
}

/** The language of a page request: its path (/de/…), then the language cookie, then Accept-Language. */
export function pageRequestLocale(
  request: Request & { cookies?: { get(name: string): { value: string } | undefined } },
): AppLocale {
  const url = new URL(request.url);
  const fromPath = url.pathname.split("/")[1];
  if (isLocale(fromPath)) return fromPath;
  const cookie = request.cookies?.get("NEXT_LOCALE")?.value;
  if (isLocale(cookie)) return cookie;
  return negotiateLocale(new URL("http://x/"), request.headers.get("accept-language"), defaultLocale);
}
