import { htmlLang, type AppLocale } from "@/app/_lib/i18n/locales";
import { displayName, type NamedPerson } from "@/app/_lib/names";

/**
 * A delegate's name as the reader's language puts it first, the other script after it, each marked with
 * its language so that Chinese names get a Chinese font and screen readers read them as Chinese.
 */
export function PersonName({
  person,
  honorific,
  locale,
}: {
  person: Omit<NamedPerson, "honorific">;
  honorific?: string | null;
  locale: AppLocale;
}) {
  const name = displayName(
    { ...person, honorific: honorific ? { de: honorific, en: honorific, zh: honorific } : undefined },
    locale,
  );
  const nativeFirst = locale === "zh" && person.nativeName !== null;
  return (
    <>
      <span lang={nativeFirst ? htmlLang.zh : undefined}>{name.primary}</span>
      {name.secondary && (
        <span className="ml-1.5 font-normal text-slate-600" lang={nativeFirst ? undefined : htmlLang.zh}>
          {name.secondary}
        </span>
      )}
    </>
  );
}
