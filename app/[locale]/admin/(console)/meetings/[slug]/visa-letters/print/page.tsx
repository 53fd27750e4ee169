import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PrintButton } from "@/app/_components/layout/PrintButton";
import { adminPaths } from "@/app/_lib/admin-paths";
import { RECORD_ID } from "@/app/_lib/ids";
import { Link } from "@/app/_lib/i18n/navigation";
import { htmlLang, locales, type AppLocale } from "@/app/_lib/i18n/locales";
import { letterParagraphs } from "@/app/_lib/visa-letter";
import { getAlliance } from "@/app/_server/alliance/queries";
import { pageActor } from "@/app/_server/authz";
import { orNotFound } from "@/app/_server/pages";
import { visaLetters } from "@/app/_server/desk/visa-letters";
import { letterLanguage } from "../letter-language";
import "./print.css";

type Props = {
  params: Promise<{ locale: AppLocale; slug: string }>;
  searchParams: Promise<{ lang?: string | string[]; id?: string | string[]; all?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminRegistrations.visa.print" });
  return { title: t("title") };
}

/**
 * The letters ready to print on A4, one page each in every language (print.css; the PDF of all letters
 * has as many pages as letters, e2e/badges.spec.ts): the alliance's letterhead in its three languages,
 * place and date, the text, and room for a signature. `?id=` (repeatable) for some delegates, else all.
 */
export default async function VisaLettersPrintPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const lang = letterLanguage(query.lang);
  const actor = await pageActor(
    locale,
    "handleVisaLetters",
    `${adminPaths.visaLettersPrint(slug)}?lang=${lang}`,
  );
  const ids = [query.id ?? []].flat().filter((id) => RECORD_ID.test(id));
  const [{ letters, placeAndDate }, alliance, t, tl] = await Promise.all([
    orNotFound(visaLetters(actor, slug, lang, query.all === "1" || ids.length === 0 ? undefined : ids)),
    getAlliance(),
    getTranslations("adminRegistrations.visa.print"),
    getTranslations({ locale: lang, namespace: "adminRegistrations.visa.letterParts" }),
  ]);
  const allianceName = alliance ? alliance.name[lang] : "";
  return (
    <div className="visa-letters">
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-slate-700">
            {letters.length === 0 ? t("none") : t("count", { count: letters.length })}
          </p>
        </div>
        <div className="flex items-center gap-4">
          <Link href={`${adminPaths.visaLetters(slug)}?lang=${lang}`} className="text-brand-700 underline">
            {t("back")}
          </Link>
          {letters.length > 0 && <PrintButton label={t("print")} />}
        </div>
      </div>
      {letters.map((letter) => (
        <article
          key={letter.id}
          lang={htmlLang[lang]}
          className="visa-letter mx-auto mb-8 bg-white shadow print:m-0 print:shadow-none"
          data-testid="visa-letter"
        >
          <header className="visa-letter-head border-b-2 border-brand-700 text-center">
            {alliance &&
              locales.map((language) => (
                <p
                  key={language}
                  lang={htmlLang[language]}
                  className={language === lang ? "visa-letter-sender font-bold" : "text-slate-700"}
                >
                  {alliance.name[language]}
                </p>
              ))}
          </header>
          <p className="visa-letter-date text-right">{placeAndDate}</p>
          <div className="visa-letter-body">
            {letterParagraphs(letter.text).map((paragraph, index) => (
              <p
                key={index}
                className={`whitespace-pre-line break-words ${paragraph.includes("\n") ? "visa-letter-lines" : ""}`}
              >
                {paragraph}
              </p>
            ))}
          </div>
          <footer className="visa-letter-signature">
            <div className="border-t border-slate-900 pt-1">{tl("signature")}</div>
            <div className="font-semibold">{allianceName}</div>
          </footer>
        </article>
      ))}
    </div>
  );
}
