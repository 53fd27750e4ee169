/**
 * The Content-Security-Policy of every page, built per request around a fresh nonce (proxy.ts).
 *
 * Scripts run only when they carry the request's nonce, which Next.js puts on its own script tags when it
 * finds the policy on the request; 'strict-dynamic' lets those scripts load the chunks they import (the
 * check-in desk's QR reader, for one). No 'unsafe-inline' and no 'unsafe-eval' for scripts: an injected
 * <script> or event handler attribute does not run. Responses that are not pages (JSON, feeds, files)
 * get a fixed, stricter policy and the other security headers from next.config.js.
 *
 * No "server-only" import: the proxy imports this module, and it holds nothing secret.
 */

/**
 * The policy of every answer that is not a page: JSON, feeds, files, and the proxy's own refusals. It
 * runs nothing and may not be framed. next.config.js sets the same text for /api, /calendar and files.
 */
export const NOT_A_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** 128 random bits, base64: a nonce nobody can guess, new for every request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function pageContentSecurityPolicy(
  nonce: string,
  { development = process.env.NODE_ENV === "development" } = {},
): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'self' is ignored by browsers that understand 'strict-dynamic' and kept for the few that do not.
    // `next dev` needs eval for React's debugging aids (server error stacks in the browser); a production
    // build does not.
    "script-src": [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    // Styles keep 'unsafe-inline': React writes style attributes (widths of the numbers' bars, drag
    // positions), which a nonce cannot cover, and a nonce in this list would switch 'unsafe-inline' off.
    // Injected CSS can restyle a page but cannot run code.
    "style-src": ["'self'", "'unsafe-inline'"],
    // Generated images: an email's QR code is a data: PNG, and the outbox shows emails in a srcdoc frame,
    // which inherits this policy. blob: for images made in the browser. Neither reaches another host.
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    // The check-in camera plays a MediaStream, which media-src does not govern; nothing else plays media.
    "media-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}
