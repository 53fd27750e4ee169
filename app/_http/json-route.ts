import "server-only";
import { NextResponse } from "next/server";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { knownErrorResponse } from "./errors";

/**
 * The public JSON routes: run, answer JSON, and map domain errors (and a database outage, 503) to their
 * status. The back office's routes take `adminRoute` (route-guard.ts), which checks who asks first.
 */
export async function jsonRoute<T>(
  run: () => Promise<T>,
  options: { status?: number; locale?: AppLocale } = {},
): Promise<NextResponse> {
  try {
    return NextResponse.json(await run(), { status: options.status ?? 200 });
  } catch (error) {
    return knownErrorResponse(error, options.locale);
  }
}
