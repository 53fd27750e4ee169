import "server-only";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import type { DeskFilters } from "@/app/_lib/registration/desk-filters";
import type { Actor } from "../authz";
import { registrationsExport, type RegistrationsExport } from "./export-data";
import { translator } from "./export-columns";

export type ExportFormat = "csv" | "xlsx";

/**
 * A spreadsheet treats a cell that starts with =, +, -, @ (or a tab or carriage return) as a formula,
 * even in a CSV file, and trims leading spaces before deciding: a delegate who types `=HYPERLINK(…)` or
 * ` =HYPERLINK(…)` as their organization would run it on the organizer's machine when the file is
 * opened. A leading apostrophe makes the cell plain text again (OWASP "CSV injection"); spreadsheets
 * do not show it.
 */
function guardFormula(cell: string): string {
  return /^(?:[\t\r]|\s*[=+\-@])/.test(cell) ? `'${cell}` : cell;
}

/** UTF-8 with a byte-order mark, so that Excel reads Chinese names as such; CRLF and RFC 4180 quoting. */
function toCsv(table: RegistrationsExport): string {
  return stringify(
    [table.header, ...table.rows].map((row) => row.map(guardFormula)),
    { bom: true, record_delimiter: "windows" },
  );
}

/**
 * The same table as an Excel workbook: header bold and frozen, columns as wide as their content needs.
 * Every value is a text cell holding exactly what was entered ("+49 6142 1234", "=1+2"): Excel never
 * evaluates a text cell, so the formula guard is not needed and no apostrophe shows; a field left empty
 * is an empty cell. The columns are formatted as text, so that a value edited in Excel stays text too.
 */
async function toXlsx(table: RegistrationsExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(translator(table.lang)("adminRegistrations.exports.sheet"), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = table.header.map((header, index) => ({
    header,
    width: table.widths[index],
    style: { numFmt: "@" },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(table.rows.map((row) => row.map((cell) => (cell === "" ? null : cell))));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const contentType: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** A download of the desk's list: its name, its type and its bytes. */
export type ExportFile = { filename: string; contentType: string; body: Uint8Array };

/**
 * The desk's list with its filters, as CSV or XLSX, in `requestedLang` or the meeting's language
 * (GET /api/admin/meetings/{slug}/registrations.{csv,xlsx}). Names, emails and needs: organizers with
 * manageRegistrations only (checked by registrationsExport).
 */
export async function registrationsFile(
  actor: Actor | null,
  meetingSlug: string,
  filters: DeskFilters,
  requestedLang: string | null,
  format: ExportFormat,
  options: { withVisaDetails?: boolean } = {},
): Promise<ExportFile> {
  const table = await registrationsExport(actor, meetingSlug, filters, requestedLang, options);
  const body = format === "csv" ? Buffer.from(toCsv(table), "utf8") : await toXlsx(table);
  return {
    filename: `registrations-${table.meetingSlug}.${format}`,
    contentType: contentType[format],
    body: new Uint8Array(body),
  };
}
