import { getTranslations } from "next-intl/server";
import { conflictSentence, type ConflictTranslator } from "@/app/_lib/agenda/conflict-sentences";
import { auditText, changedFields, type AuditReading } from "@/app/_lib/audit-diff";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import type { AuditEntryDto, AuditRef } from "@/app/_server/audit/queries";

type Props = { entry: AuditEntryDto; names: Record<string, AuditRef>; locale: AppLocale };

const LANGUAGE_SUFFIX = /^(.+)(De|En|Zh)$/;

/**
 * Why (the reason given, the conflicts accepted with it) and a disclosure with each changed field as
 * "before → after" in words. Personal data that retention scrubbed stays scrubbed: it reads as "—".
 */
export async function AuditDetails({ entry, names, locale }: Props) {
  const [t, tc] = await Promise.all([
    getTranslations("admin.audit"),
    getTranslations("adminSessions.conflicts"),
  ]);
  const say: ConflictTranslator = (key, values) => tc(key, values);
  const reading: AuditReading = { locale, timeZone: entry.timeZone, names, yes: t("yes"), no: t("no") };
  const label = (field: string): string => {
    const fieldKey = `fields.${field}` as "fields.title";
    if (t.has(fieldKey)) return t(fieldKey);
    const [, base, language] = LANGUAGE_SUFFIX.exec(field) ?? [];
    const baseKey = `fields.${base}` as "fields.title";
    return base && language && t.has(baseKey)
      ? t("fieldInLanguage", { field: t(baseKey), language: t(`languages.${language as "De"}`) })
      : field;
  };
  const changes = changedFields(entry.before, entry.after);
  return (
    <div className="space-y-2">
      {entry.reason && (
        <p className="rounded bg-amber-50 px-2 py-1" data-testid="audit-reason">
          {t("reasonGiven", { reason: entry.reason })}
        </p>
      )}
      {entry.acceptedConflicts.length > 0 && (
        <div data-testid="audit-conflicts">
          <p className="font-medium">{t("acceptedConflicts")}</p>
          <ul className="list-disc pl-5">
            {entry.acceptedConflicts.map((conflict, index) => (
              <li key={index}>{conflictSentence(conflict, say, locale, entry.timeZone)}</li>
            ))}
          </ul>
        </div>
      )}
      {changes.length > 0 && (
        <details>
          <summary className="cursor-pointer text-brand-700 underline">
            {t("changes", { count: changes.length })}
          </summary>
          <dl className="mt-1 space-y-1">
            {changes.map((change) => (
              <div key={change.field}>
                <dt className="font-medium">{label(change.field)}</dt>
                <dd className="break-words">
                  <span className="text-slate-500 line-through">{auditText(change.before, reading)}</span>
                  {" → "}
                  {auditText(change.after, reading)}
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </div>
  );
}
