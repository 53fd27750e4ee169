import { getTranslations } from "next-intl/server";
import {
  conflictSentence,
  type ConflictTranslator,
  type ExplainedConflict,
} from "@/app/_lib/agenda/conflict-sentences";
import type { AppLocale } from "@/app/_lib/i18n/locales";

type Props = {
  conflicts: ExplainedConflict[];
  locale: AppLocale;
  timeZone: string;
  conflictNote?: string | null;
};

/** The conflicts a stored session has now: a warning sign and a word (not colour alone), then each in words. */
export async function ConflictList({ conflicts, locale, timeZone, conflictNote }: Props) {
  if (conflicts.length === 0) return null;
  const [t, tc] = await Promise.all([
    getTranslations("adminSessions.list"),
    getTranslations("adminSessions.conflicts"),
  ]);
  const say: ConflictTranslator = (key, values) => tc(key, values);
  return (
    <div className="space-y-1 text-sm text-red-900" data-testid="session-conflicts">
      <p className="font-semibold">
        <span aria-hidden="true">⚠ </span>
        {t("conflictCount", { count: conflicts.length })}
      </p>
      <ul className="list-disc pl-5">
        {conflicts.map((conflict, index) => (
          <li key={index}>{conflictSentence(conflict, say, locale, timeZone)}</li>
        ))}
      </ul>
      {conflictNote && <p className="text-slate-700">{t("conflictNote", { note: conflictNote })}</p>}
    </div>
  );
}
