import "server-only";

// TEMPORARY: export-files.ts reads the exports from here until its HTTP moves to the route handlers and
// it joins them in desk/ (app/layers.test.ts, PENDING_MOVES); then this file goes.
export { registrationsExport, type RegistrationsExport } from "../desk/export-data";
