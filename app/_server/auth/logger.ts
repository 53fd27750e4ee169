import "server-only";
import type { LoggerInstance } from "next-auth";

/**
 * next-auth's log: one line per event, nothing secret in it. Its own logger prints the whole error with
 * its stack for every request that brings a session cookie it cannot read — forged, made with another
 * AUTH_SECRET, expired, ended — so that anyone can fill the log, with nothing to learn from it. Such a cookie is
 * one line here (next-auth then clears it). Every other error keeps its code, its message with email
 * addresses, tokens and passwords masked, and where it was thrown; the metadata next-auth adds (which
 * may hold a token or what a form sent) is never printed. Debug messages are dropped.
 */
export const authLogger: LoggerInstance = {
  error(code, metadata) {
    const error = metadata instanceof Error ? metadata : metadata?.error;
    if (code === "JWT_SESSION_ERROR" && (isUnreadableToken(error) || error instanceof SessionEnded)) {
      console.warn(`[auth] session cookie rejected (${code})`);
      return;
    }
    console.error(`[auth] ${code}: ${describe(error)}`);
  },
  warn(code) {
    console.warn(`[auth] ${code}`);
  },
  debug() {},
};

/** A genuine cookie of a session that has ended (signed out, expired, idle, ended by its owner or an admin). */
export class SessionEnded extends Error {
  constructor() {
    super("Session ended");
    this.name = "SessionEnded";
  }
}

/** jose's errors for a token that cannot be decrypted, is malformed, or whose claims (exp) refuse it. */
function isUnreadableToken(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && /^ERR_(JWE|JWT|JWS|JOSE)_/.test(code);
}

function describe(error: Error | undefined): string {
  if (!(error instanceof Error)) return "(no error given)";
  // The first line of a stack repeats the message; the frames hold only places in the code.
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  return [`${error.name}: ${masked(error.message)}`, ...frames].join("\n");
}

/** The text with email addresses, tokens (long base64url runs, JWTs) and anything after "password" masked. */
export function masked(text: string): string {
  return text
    .replace(/[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:.]{2,}/g, "[email]")
    .replace(/[A-Za-z0-9_-]{24,}(?:\.[A-Za-z0-9_-]*)*/g, "[token]")
    .replace(/(passw(?:or)?d\W{0,3})[^\s()"',;]+/gi, "$1[hidden]");
}
