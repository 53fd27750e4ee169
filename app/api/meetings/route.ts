import { jsonRoute } from "@/app/_server/http";
import { listMeetings } from "@/app/_server/meetings/queries";

export function GET() {
  return jsonRoute(async () => ({ meetings: await listMeetings() }));
}
