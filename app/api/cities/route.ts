import { jsonRoute } from "@/app/_http/json-route";
import { listCitiesJson } from "@/app/_server/alliance/queries";

/** The alliance's members, observers and former members; candidates are not public. */
export function GET() {
  return jsonRoute(async () => ({ cities: await listCitiesJson() }));
}
