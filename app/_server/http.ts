import "server-only";
import { NextResponse } from "next/server";
import { AppError, type AppErrorCode } from "./errors";

const statusOf: Record<AppErrorCode, number> = { not_found: 404 };

/** JSON route handlers: run, answer JSON, and map domain errors to their status (never a 500 for those). */
export async function jsonRoute<T>(run: () => Promise<T>): Promise<NextResponse> {
  try {
    return NextResponse.json(await run());
  } catch (error) {
    if (error instanceof AppError) {
      return NextResponse.json({ error: { code: error.code, message: error.message } }, { status: statusOf[error.code] });
    }
    throw error;
  }
}
