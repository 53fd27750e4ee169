import "server-only";
import de from "@/app/_lib/i18n/messages/de.json";
import en from "@/app/_lib/i18n/messages/en.json";
import zh from "@/app/_lib/i18n/messages/zh.json";
import { htmlLang, type AppLocale } from "@/app/_lib/i18n/locales";
import { pageRequestLocale } from "@/app/_lib/i18n/negotiate";
import { databaseAvailability } from "@/app/_server/database/availability";
import { env } from "@/app/_server/env";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "@/app/_server/errors";

const text: Record<AppLocale, (typeof de)["unavailable"]> = {
  de: de.unavailable,
  en: en.unavailable,
  zh: zh.unavailable,
};

/**
 * What a page request gets while the database is away: 503 with Retry-After and a small page that needs
 * nothing else (no stylesheet, script or database), in the visitor's language; it reloads itself after
 * the pause. Never cached.
 */
export function unavailablePageResponse(request: Request): Response {
  const locale = pageRequestLocale(request);
  const t = text[locale];
  const seconds = UNAVAILABLE_RETRY_AFTER_SECONDS;
  const html = `<!doctype html>
<html lang="${htmlLang[locale]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${seconds}">
<meta name="robots" content="noindex">
<title>${t.title}</title>
</head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5; color: #1f2937">
<h1 style="font-size: 1.5rem">${t.title}</h1>
<p>${t.body}</p>
<p><a href="">${t.retry}</a></p>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Retry-After": String(seconds),
    },
  });
}

/**
 * The proxy's gate for page requests while PostgreSQL is away (`null`: go on). Pages cannot answer 503
 * themselves (a render that fails is a 500), so the proxy asks the availability probe first. Server
 * actions pass: they answer with a form error in the visitor's language and keep what was typed. A page
 * that was already rendering when the database went, or that starts before the probe notices (up to a
 * second), can still fail with a 500; the fault run (`npm run faults`) counts them.
 * Embedded PGlite mode has no gate: the database lives in this process.
 */
export async function unavailablePageGate(request: Request): Promise<Response | null> {
  if (request.headers.has("next-action")) return null;
  const probe = databaseAvailability(env().DATABASE_URL);
  if (!probe || (await probe.isAvailable())) return null;
  return unavailablePageResponse(request);
}
