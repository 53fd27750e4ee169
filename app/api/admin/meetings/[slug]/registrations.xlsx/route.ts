import { registrationsExportRoute } from "../registrations-export";

/** The registrations as XLSX, with the desk list's filters from the query string; `?lang=de|en|zh`. */
export const GET = registrationsExportRoute("xlsx");
