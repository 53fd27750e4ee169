import { jsonRoute } from "@/app/_http/json-route";
import { getPracticalInfo, practicalInfoJson } from "@/app/_server/meetings/practical-info";
import { getMeeting, listInductees } from "@/app/_server/meetings/queries";

export function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return jsonRoute(async () => {
    const meeting = await getMeeting((await params).slug);
    const [inductees, practical] = await Promise.all([
      listInductees(meeting.id),
      getPracticalInfo(meeting.id),
    ]);
    return { meeting: { ...meeting, ...practicalInfoJson(meeting.venue, practical), inductees } };
  });
}
