import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { visaFieldNames, visaLetterStatus } from "@/app/_lib/registration/visa";
import { openVisaDetails } from "../registration/visa-data";
import { UndecryptableError } from "../security/field-cipher";
import { translator } from "./export-columns";

/**
 * The passport details as export columns, for an export that asked for them (export-data.ts): the
 * letter's status, then each detail as the delegate gave it (dates yyyy-MM-dd, the nationality as its
 * ISO code and name). Empty cells without details; a value whose key is gone says so.
 */
export async function visaDetailColumns(
  records: {
    id: string;
    visaLetter: boolean;
    visaData?: string | null;
    visaIssuedOn?: Date | null;
    visaSentOn?: Date | null;
  }[],
  lang: AppLocale,
): Promise<{ header: string[]; widths: number[]; rows: string[][] }> {
  const t = translator(lang);
  const names = new Intl.DisplayNames([lang], { type: "region", fallback: "code" });
  const rows = await Promise.all(
    records.map(async (record) => {
      const status = record.visaLetter
        ? t(
            `adminVisa.statuses.${visaLetterStatus({ issuedOn: record.visaIssuedOn ?? null, sentOn: record.visaSentOn ?? null })}`,
          )
        : "";
      if (!record.visaData) return [status, ...visaFieldNames.map(() => "")];
      try {
        const details = await openVisaDetails(record.visaData, record.id);
        return [
          status,
          ...visaFieldNames.map((name) =>
            name === "nationality"
              ? `${details.nationality} ${names.of(details.nationality) ?? ""}`.trim()
              : details[name],
          ),
        ];
      } catch (error) {
        if (!(error instanceof UndecryptableError)) throw error;
        return [status, t("adminVisa.unreadable"), ...visaFieldNames.slice(1).map(() => "")];
      }
    }),
  );
  return {
    header: [t("adminVisa.letterStatus"), ...visaFieldNames.map((name) => t(`visa.${name}`))],
    widths: [12, 16, 18, 12, 12, 12, 12],
    rows,
  };
}
