import { jsonRoute } from "@/app/_http/json-route";
import { getMeeting, listInductees } from "@/app/_server/meetings/queries";

export function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return jsonRoute(async () => {
    const meeting = await getMeeting((await params).slug);
    return { meeting: { ...meeting, inductees: await listInductees(meeting.id) } };
  });
}
