import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { siteTitle } from "@/app/_lib/page-title";
import { getAlliance } from "@/app/_server/alliance/queries";

/**
 * A page's title as the browser's tab shows it (the layout's template), for a form that puts "Error: "
 * before it while it shows errors.
 */
export async function browserTitle(page: string, locale: AppLocale): Promise<string> {
  const alliance = await getAlliance();
  return siteTitle(page, alliance ? pick(alliance.name, locale) : "");
}
