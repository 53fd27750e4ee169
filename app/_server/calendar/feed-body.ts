import "server-only";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";

/**
 * A feed as the domain builds it: its bytes and the validators HTTP answers with (RFC 9110 §8.8), computed
 * once, so that caches keep them with the bytes. The answers themselves (304, HEAD) are app/_http/feed-response.ts.
 */

/** A built feed: its bytes and the validators computed once from them. */
export type FeedBody = { bytes: Uint8Array; etag: string; lastModified: Date };

/** One encoding of a feed's bytes, with its own entity tag. */
export type FeedRepresentation = { bytes: Uint8Array; etag: string };

/** Strong ETag: the quoted SHA-256 of the bytes (base64url, 128 bits are plenty to tell versions apart). */
export function strongEtag(bytes: Uint8Array): string {
  return `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 22)}"`;
}

export function feedBody(text: string, lastModified: Date): FeedBody {
  const bytes = new TextEncoder().encode(text);
  return { bytes, etag: strongEtag(bytes), lastModified };
}

/** Gzipped feeds, made once per built feed (the cached ones live as long as their cache entry). */
const gzipped = new WeakMap<FeedBody, FeedRepresentation>();

/**
 * The feed gzipped. Other bytes are another representation, so another strong ETag (RFC 9110 §8.8.3):
 * a cache that stored one encoding never takes the other for it. The same bytes always gzip alike, so the
 * tag follows from the plain one.
 */
export function gzipRepresentation(body: FeedBody): FeedRepresentation {
  let representation = gzipped.get(body);
  if (!representation) {
    representation = { bytes: gzipSync(body.bytes), etag: `${body.etag.slice(0, -1)}-gzip"` };
    gzipped.set(body, representation);
  }
  return representation;
}
