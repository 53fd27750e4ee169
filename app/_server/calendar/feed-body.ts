import "server-only";
import { createHash } from "node:crypto";

/**
 * A feed as the domain builds it: its bytes and the validators HTTP answers with (RFC 9110 §8.8), computed
 * once, so that caches keep them with the bytes. The answers themselves (304, HEAD) are app/_http/feed-response.ts.
 */

/** A built feed: its bytes and the validators computed once from them. */
export type FeedBody = { bytes: Uint8Array; etag: string; lastModified: Date };

/** Strong ETag: the quoted SHA-256 of the bytes (base64url, 128 bits are plenty to tell versions apart). */
export function strongEtag(bytes: Uint8Array): string {
  return `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 22)}"`;
}

export function feedBody(text: string, lastModified: Date): FeedBody {
  const bytes = new TextEncoder().encode(text);
  return { bytes, etag: strongEtag(bytes), lastModified };
}
