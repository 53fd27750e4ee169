import { NextResponse } from "next/server";
import { listBookableSessions } from "@/app/_server/registration/queries";
import { jsonRoute } from "@/app/_http/json-route";

/** Seats left in each session that takes registrations; polled by the registration form. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const response: NextResponse = await jsonRoute(async () => {
    const sessions = await listBookableSessions((await params).slug);
    return {
      sessions: sessions.map(({ id, capacity, seatsLeft, waiting }) => ({
        id,
        capacity,
        seatsLeft,
        waiting,
      })),
    };
  });
  response.headers.set("Cache-Control", "no-store");
  return response;
}
