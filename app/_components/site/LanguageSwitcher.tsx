"use client";

import { useLocale } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/app/_lib/i18n/navigation";
import { htmlLang, localeNames, locales } from "@/app/_lib/i18n/locales";
import { saveFormDrafts } from "../forms/drafts";

/**
 * Links to the same page, with the same filters, in each other language. What the visitor typed into a
 * form goes along in the tab's storage (forms/drafts.ts), never in the link.
 */
export function LanguageSwitcher({ label }: { label: string }) {
  const current = useLocale();
  const pathname = usePathname();
  const query = Object.fromEntries(useSearchParams().entries());
  return (
    <ul aria-label={label} className="flex items-center gap-1 whitespace-nowrap">
      {locales.map((locale) => (
        <li key={locale}>
          {locale === current ? (
            <span
              aria-current="true"
              lang={htmlLang[locale]}
              className="rounded bg-slate-900 px-2 py-1 text-white"
            >
              {localeNames[locale]}
            </span>
          ) : (
            <Link
              href={{ pathname, query }}
              locale={locale}
              lang={htmlLang[locale]}
              hrefLang={htmlLang[locale]}
              onClick={saveFormDrafts}
              className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 hover:text-brand-700"
            >
              {localeNames[locale]}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}
