import "server-only";
import { AppError } from "@/app/_server/errors";

/** Far above any registration; a client sending more wants something else. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * The JSON body of a request: `malformed` unless it is declared and parses as JSON (which also keeps
 * cross-site HTML forms, which cannot send application/json, out), `too_large` past 64 KiB.
 */
export async function readJson(request: Request): Promise<unknown> {
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("malformed", "The request body must be application/json");
  }
  const text = await readLimited(request);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("malformed", "The request body is not valid JSON");
  }
}

/** The body as text, read no further than the limit (a declared length is not trusted). */
async function readLimited(request: Request): Promise<string> {
  const reader = request.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new AppError("too_large", "The request body is too large");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
