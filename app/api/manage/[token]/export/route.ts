import { NextResponse } from "next/server";
import { asAppError } from "@/app/_server/errors";
import { errorResponse } from "@/app/_http/errors";
import { exportPersonalData } from "@/app/_server/self-service/queries";

/** The delegate's own data as a JSON download; the manage token is the only key. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const privateHeaders = {
    "Cache-Control": "private, no-store",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex",
  };
  try {
    const data = await exportPersonalData((await params).token);
    return new NextResponse(JSON.stringify(data, null, 2), {
      headers: {
        ...privateHeaders,
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="registration-${data.registration.meeting.slug}.json"`,
      },
    });
  } catch (error) {
    const known = asAppError(error);
    if (!known) throw error;
    const response = errorResponse(known);
    for (const [name, value] of Object.entries(privateHeaders)) response.headers.set(name, value);
    return response;
  }
}
