import "server-only";
import { z } from "zod";
import { adminRoute, file } from "@/app/_http/route-guard";
import { parseDeskFilters } from "@/app/_lib/registration/desk-filters";
import { registrationsFile, type ExportFormat } from "@/app/_server/desk/export-files";

const params = z.object({ slug: z.string() });

/**
 * The desk list's filters, read as the list reads them (invalid values dropped), `?lang=de|en|zh`, and
 * `?visaDetails=1` for the visa letters' passport details (handleVisaLetters, audited by the domain).
 */
const query = z.record(z.string(), z.string()).transform((values) => ({
  filters: parseDeskFilters(values),
  lang: values.lang ?? null,
  withVisaDetails: values.visaDetails === "1",
}));

/** GET of registrations.csv and registrations.xlsx: the same list, in either format. */
export function registrationsExportRoute(format: ExportFormat) {
  return adminRoute("manageRegistrations", { params, query }, async ({ actor, params, query }) =>
    file(
      await registrationsFile(actor, params.slug, query.filters, query.lang, format, {
        withVisaDetails: query.withVisaDetails,
      }),
    ),
  );
}
