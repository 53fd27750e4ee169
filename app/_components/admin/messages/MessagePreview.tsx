import { getLocale, getTranslations } from "next-intl/server";
import { htmlLang, locales, type AppLocale } from "@/app/_lib/i18n/locales";
import { colon } from "@/app/_lib/i18n/punctuation";
import { Link } from "@/app/_lib/i18n/navigation";

type Props = {
  /** The message as a delegate reading `language` gets it; null while it has no text. */
  preview: { language: AppLocale; subject: string; text: string; name: string } | null;
  language: AppLocale;
  /** The page's address in each preview language (the filters kept). */
  hrefOf: (language: AppLocale) => string;
  languageNames: Record<AppLocale, string>;
};

/** The saved message in one language at a time, with links to the others: what the test would send. */
export async function MessagePreview({ preview, language, hrefOf, languageNames }: Props) {
  const [t, locale] = await Promise.all([getTranslations("adminMessages.preview"), getLocale()]);
  // Chinese sentences follow each other without a space.
  const between = locale === "zh" ? "" : " ";
  return (
    <section aria-labelledby="message-preview" className="space-y-3" data-testid="message-preview">
      <h2 id="message-preview" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <nav aria-label={t("languages")} className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{t("languagesShown")}</span>
        {locales.map((candidate) => (
          <Link
            key={candidate}
            href={hrefOf(candidate)}
            aria-current={candidate === language ? "page" : undefined}
            className={`rounded border px-3 py-1 ${candidate === language ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
          >
            {languageNames[candidate]}
          </Link>
        ))}
      </nav>
      {!preview ? (
        <p>{t("none")}</p>
      ) : (
        <div className="space-y-2">
          <p className="text-sm text-slate-600">
            {t("intro")}
            {between}
            {t("for", { name: preview.name })}
          </p>
          {preview.language !== language && (
            <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
              {t("fallback", { language: languageNames[language], used: languageNames[preview.language] })}
            </p>
          )}
          <article
            lang={htmlLang[preview.language]}
            className="max-w-3xl space-y-3 rounded border border-slate-200 bg-white p-4"
          >
            <p>
              <span className="text-sm text-slate-600">
                {t("subject")}
                {colon(locale)}
              </span>
              <strong data-testid="preview-subject">{preview.subject}</strong>
            </p>
            <p className="break-words whitespace-pre-line" data-testid="preview-text">
              {preview.text}
            </p>
          </article>
          <p className="text-sm text-slate-600">{t("tokenNote")}</p>
        </div>
      )}
    </section>
  );
}
