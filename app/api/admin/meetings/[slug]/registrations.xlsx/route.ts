import { serveRegistrationsExport } from "@/app/_server/registration/export-files";

/** The registrations as XLSX, with the desk list's filters from the query string; `?lang=de|en|zh`. */

type Context = { params: Promise<{ slug: string }> };

export function GET(request: Request, { params }: Context): Promise<Response> {
  return serveRegistrationsExport(request, params, "xlsx");
}
