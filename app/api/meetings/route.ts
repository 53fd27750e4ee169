import { jsonRoute } from "@/app/_http/json-route";
import { listMeetings } from "@/app/_server/meetings/queries";

export function GET() {
  return jsonRoute(async () => ({ meetings: await listMeetings() }));
}
