import { registrationsExportRoute } from "../registrations-export";

/** The registrations as CSV, with the desk list's filters from the query string; `?lang=de|en|zh`. */
export const GET = registrationsExportRoute("csv");
