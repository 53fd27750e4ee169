import "server-only";
import { DateTime } from "luxon";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { messages } from "@/app/_lib/i18n/messages";
import { createTranslator } from "@/app/_lib/i18n/translator";
import { placeName } from "@/app/_lib/places";
import type { Prisma } from "../db";
import { cityNameSelect, delegateDetailsSelect, delegateIdentitySelect } from "../registration/view";

/**
 * The columns of the registration exports, one definition for CSV and XLSX: the header in the chosen
 * language, a width for the spreadsheet, and how a registration becomes the cell's text.
 */

export const exportSelect = {
  id: true,
  status: true,
  ...delegateIdentitySelect,
  city: { select: cityNameSelect },
  ...delegateDetailsSelect,
  photoConsent: true,
  listConsent: true,
  createdAt: true,
  checkIn: { select: { at: true } },
  seats: {
    select: {
      status: true,
      waitlistNumber: true,
      session: { select: { id: true, titleDe: true, titleEn: true, titleZh: true, startsAt: true } },
    },
  },
} as const satisfies Prisma.RegistrationSelect;

export type ExportRecord = Prisma.RegistrationGetPayload<{ select: typeof exportSelect }>;

export type ExportContext = {
  lang: AppLocale;
  /** The meeting's zone: times read as on the meeting's clocks. */
  timeZone: string;
  /** A waiting seat's place in line (1 = next), by session and waiting-list number. */
  waitPlace: (sessionId: string, waitlistNumber: number) => number;
};

type Translate = ReturnType<typeof translator>;

export function translator(lang: AppLocale) {
  return createTranslator({ locale: lang, messages: messages[lang] });
}

type Column = {
  key: ColumnKey;
  width: number;
  value: (row: ExportRecord, context: ExportContext, t: Translate) => string;
};

type ColumnKey = keyof (typeof messages)["de"]["adminRegistrations"]["exports"]["columns"];

const yesNo = (value: boolean, t: Translate) => (value ? t("manage.yes") : t("manage.no"));
const when = (date: Date | null | undefined, zone: string) =>
  date ? DateTime.fromJSDate(date).setZone(zone).toFormat("yyyy-MM-dd HH:mm") : "";

const exportColumns: readonly Column[] = [
  { key: "id", width: 28, value: (row) => row.id },
  { key: "status", width: 14, value: (row, _context, t) => t(`manage.statuses.${row.status}`) },
  { key: "familyName", width: 18, value: (row) => row.familyName },
  { key: "givenName", width: 18, value: (row) => row.givenName },
  { key: "nativeName", width: 14, value: (row) => row.nativeName ?? "" },
  { key: "honorific", width: 12, value: (row) => row.honorific ?? "" },
  { key: "position", width: 28, value: (row) => row.position ?? "" },
  { key: "organization", width: 30, value: (row) => row.organization ?? "" },
  { key: "city", width: 16, value: (row, { lang }) => placeName(row, lang) },
  {
    key: "country",
    width: 12,
    value: (row, _context, t) => (row.city ? t(`countries.${row.city.country}`) : ""),
  },
  { key: "role", width: 18, value: (row, _context, t) => t(`roles.${row.role}`) },
  { key: "email", width: 30, value: (row) => row.email },
  { key: "phone", width: 18, value: (row) => row.phone ?? "" },
  { key: "language", width: 12, value: (row, _context, t) => t(`languages.${row.language}`) },
  {
    key: "interpretation",
    width: 18,
    value: (row, _context, t) => row.interpretation.map((lang) => t(`languages.${lang}`)).join(", "),
  },
  { key: "dietary", width: 20, value: (row) => row.dietaryNeeds ?? "" },
  { key: "accessibility", width: 20, value: (row) => row.accessibilityNeeds ?? "" },
  { key: "visaLetter", width: 10, value: (row, _context, t) => yesNo(row.visaLetter, t) },
  { key: "photoConsent", width: 10, value: (row, _context, t) => yesNo(row.photoConsent, t) },
  { key: "listConsent", width: 10, value: (row, _context, t) => yesNo(row.listConsent, t) },
  {
    key: "sessions",
    width: 48,
    value: (row, { lang, waitPlace }, t) =>
      [...row.seats]
        .sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime())
        .map((seat) => {
          const title = pick(
            { de: seat.session.titleDe, en: seat.session.titleEn, zh: seat.session.titleZh },
            lang,
          );
          const status =
            seat.status === "confirmed"
              ? t("manage.seatConfirmed")
              : t("manage.seatWaitlisted", {
                  position: waitPlace(seat.session.id, seat.waitlistNumber ?? 0),
                });
          return lang === "zh" ? `${title}（${status}）` : `${title} (${status})`;
        })
        .join(lang === "zh" ? "；" : "; "),
  },
  { key: "checkedInAt", width: 17, value: (row, { timeZone }) => when(row.checkIn?.at, timeZone) },
  { key: "createdAt", width: 17, value: (row, { timeZone }) => when(row.createdAt, timeZone) },
];

/** The table of an export: header in `lang`, then one row per registration, every cell text. */
export type ExportTable = { header: string[]; widths: number[]; rows: string[][] };

export function exportTable(records: ExportRecord[], context: ExportContext): ExportTable {
  const t = translator(context.lang);
  return {
    header: exportColumns.map((column) => t(`adminRegistrations.exports.columns.${column.key}`)),
    widths: exportColumns.map((column) => column.width),
    rows: records.map((record) => exportColumns.map((column) => column.value(record, context, t))),
  };
}
