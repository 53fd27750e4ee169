import { getAgenda } from "@/app/_server/agenda/queries";
import { jsonRoute } from "@/app/_http/json-route";

export function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return jsonRoute(async () => getAgenda((await params).slug));
}
