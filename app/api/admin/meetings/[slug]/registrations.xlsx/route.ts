import { serveRegistrationsExport } from "@/app/_server/registration/export-files";

type Context = { params: Promise<{ slug: string }> };

/** The registrations as XLSX, with the desk list's filters from the query string; `?lang=de|en|zh`. */
export function GET(request: Request, { params }: Context): Promise<Response> {
  return serveRegistrationsExport(request, params, "xlsx");
}
