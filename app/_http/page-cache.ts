import "server-only";
import { timingSafeEqual } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { agendaHref, parseAgendaQuery } from "@/app/_lib/agenda-view";
import { locales } from "@/app/_lib/i18n/locales";
import { sessionKinds, versionedAgenda } from "@/app/_server/agenda/queries";
import { env, type Env } from "@/app/_server/env";
import { newNonce } from "@/app/_server/security/content-security-policy";

/**
 * The public agenda page, served from memory while its data version stands (proxy.ts).
 *
 * A page carries a fresh CSP nonce on every response, so Next.js renders it on every request: React's
 * server render, then the HTML, for a page that is the same for every visitor until an organizer or a
 * booking changes it. Here the page is rendered once per data version (app/_server/agenda/agenda-version.ts)
 * with a placeholder for the nonce, and each response gets the page with its own nonce put in place of the
 * placeholder: the technique of CDNs that cache pages under a nonce policy. Every response still asks the
 * database for the version (one small query, shared by the requests that arrive while it runs), so a
 * change shows at once, as it does in the agenda's JSON and feeds.
 *
 * Pages are kept per language, meeting and agenda query as the page itself reads it (app/_lib/agenda-view.ts):
 * parameters the page ignores (`?utm=…`, an unknown track) neither make a page of their own nor push the
 * others out, and each page is rendered at its canonical address.
 *
 * The render is an HTTP request of the server to itself (Next.js has no other way to hand a page's HTML
 * to code; its own caches, `"use cache"` included, keep data or React's output but still render the HTML
 * per request, which a per-request nonce requires), marked with a secret header, answered with the
 * placeholder nonce. It goes to where the server listens, from its configuration (ownOrigin): never to
 * the request's Host, which a client writes. The placeholder and that secret are random per process and
 * never leave it: only the server's own request gets the placeholder, and no visitor ever sees it, so the
 * text of a page cannot contain it by design or by chance. An answer without the placeholder is not this
 * process's (another server on that port) and is not kept.
 *
 * A page that cannot be had from here is rendered for its request as if there were no cache; why is
 * logged once per cause (`noteFailure`), not once per request.
 *
 * Only document requests of browsers (and of clients that ask for HTML) are served from here. The client
 * router's requests for React Server Component payloads (which Next.js strips of their telltale headers
 * before the proxy sees them) fetch with `Sec-Fetch-Dest: empty` and without `text/html` in Accept, and
 * render as before.
 */

/** The pages served from here, with their language and the meeting they are about. */
const CACHED_PAGE = new RegExp(`^/(${locales.join("|")})/meetings/([^/]+)/agenda$`);
/** Pages kept: the three languages of a few meetings, each with the filters visitors use. */
const MAX_PAGES = 200;
const RENDER_TIMEOUT_MS = 30_000;
const RENDER_HEADER = "x-page-cache-render";
/** next-intl's language cookie (app/_lib/i18n/routing.ts keeps its default name). */
const LANGUAGE_COOKIE = "NEXT_LOCALE";

const renderSecret = newNonce();
const noncePlaceholder = newNonce();

/**
 * Headers of the rendered response that belong to that response, not to the page. The language routing's
 * (the alternates in `link`, with the request's host, and the language cookie) come from the request served.
 */
const NOT_OF_THE_PAGE = new Set([
  "content-security-policy",
  "link",
  "set-cookie",
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
]);

type CachedPage = {
  version: string;
  /** The HTML's bytes between nonce placeholders: joined with a nonce, they are the page for one response. */
  parts: Uint8Array[];
  headers: [string, string][];
  /** The language routing's answer for the last host served (hostOf): its `link` header of alternate languages. */
  routing?: { host: string; link: string | null };
};

/** Most recently served last, so that the first is the one to drop when the cache is full. */
const pages = new Map<string, CachedPage>();
/** Renders under way, per address and version: requests that arrive meanwhile wait for the same one. */
const renders = new Map<string, Promise<CachedPage | null>>();

/** The nonce a page request renders with: the placeholder for the cache's own render request, else a fresh one. */
export function renderNonce(request: NextRequest): string {
  return isRenderRequest(request) ? noncePlaceholder : newNonce();
}

/** The cache's own request, by the secret (compared in constant time, so that answers do not spell it out). */
function isRenderRequest(request: NextRequest): boolean {
  const secret = Buffer.from(request.headers.get(RENDER_HEADER) ?? "");
  const expected = Buffer.from(renderSecret);
  return secret.length === expected.length && timingSafeEqual(secret, expected);
}

/**
 * A page request's answer: the page from the cache with the given nonce in its scripts (rendered first if
 * its version is new), or, when the request is not for a cached page or the page cannot be had (unknown
 * meeting, an error, the database away), what `route` answers: the proxy's way on to Next.js.
 *
 * The language routing (next-intl, in `route`) is asked only when its answer may differ from the one
 * remembered with the page: for another host (its alternate links in `link` name the request's host), and
 * for a visitor whose language cookie names another language (it sets the cookie to this page's).
 */
export async function pageResponse(
  request: NextRequest,
  nonce: string,
  route: () => NextResponse,
): Promise<Response> {
  const [, locale, slug] = CACHED_PAGE.exec(request.nextUrl.pathname) ?? [];
  if (!locale || !slug || !isDocumentRequest(request)) return route();
  const current = await versionedAgenda(slug).catch((error: unknown) => {
    noteFailure("reading the agenda's version", error);
    return null;
  });
  if (!current) return route();
  const { version, agenda } = current;

  // The page's own reading of the query: the same page for every address that reads the same.
  const query = parseAgendaQuery(searchParamsOf(request.nextUrl.searchParams), {
    kinds: sessionKinds,
    tracks: agenda.tracks.map((track) => track.slug),
  });
  const address = agendaHref(`/${locale}/meetings/${slug}/agenda`, query, {});
  let page = pages.get(address);
  if (page?.version !== version) page = (await render(address, version)) ?? undefined;
  if (!page) return route();
  pages.delete(address);
  if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value!);
  pages.set(address, page);

  let cookies: string[] = [];
  const languageCookie = request.cookies.get(LANGUAGE_COOKIE)?.value;
  const host = hostOf(request);
  if (page.routing?.host !== host || (languageCookie !== undefined && languageCookie !== locale)) {
    const routed = route();
    if (routed.status !== 200) return routed;
    page.routing = { host, link: routed.headers.get("link") };
    cookies = routed.headers.getSetCookie();
  }
  const response = new NextResponse(asStream(withNonce(page.parts, nonce)), {
    status: 200,
    headers: page.headers,
  });
  if (page.routing.link) response.headers.set("link", page.routing.link);
  for (const cookie of cookies) response.headers.append("set-cookie", cookie);
  return response;
}

/** The query as Next.js hands it to a page: a name given several times has all its values. */
function searchParamsOf(search: URLSearchParams): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    params[name] = values.length > 1 ? values : values[0]!;
  }
  return params;
}

/**
 * Where this server answers itself: the loopback (or the one address it listens on, HOST) at its port
 * (PORT, which `next start` reads, and writes when given `-p`).
 */
export function ownOrigin({ HOST, PORT }: Pick<Env, "HOST" | "PORT">): string {
  const host = !HOST || ["0.0.0.0", "::", "[::]"].includes(HOST) ? "127.0.0.1" : HOST;
  return `http://${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}:${PORT}`;
}

/** Causes already logged: a failure that repeats on every request is said once. */
const noted = new Set<string>();

/**
 * Logs why a page was rendered for its request instead of coming from here, once per cause (the kind of
 * failure and its code or status, never the request), so that a misconfigured port or an outage does
 * not write a line per visitor.
 */
function noteFailure(what: string, error: unknown): void {
  const detail =
    error instanceof Error
      ? [
          error.name,
          (error.cause as { code?: string } | undefined)?.code ?? (error as { code?: string }).code,
        ]
          .filter(Boolean)
          .join(" ")
      : String(error);
  const cause = `${what}: ${detail}`;
  if (noted.has(cause)) return;
  noted.add(cause);
  console.warn(
    `[page-cache] ${cause}${error instanceof Error ? ` (${error.message})` : ""}; the agenda page is rendered for each request meanwhile. Said once.`,
  );
}

/** The host the visitor asked, as the language routing reads it for its alternate links. */
function hostOf(request: NextRequest): string {
  return ["x-forwarded-proto", "x-forwarded-host", "host"]
    .map((name) => request.headers.get(name) ?? "")
    .join(" ");
}

/** The page's bytes with the nonce: copies of bytes, not a string of the whole page to encode again per response. */
function withNonce(parts: Uint8Array[], nonce: string): Uint8Array<ArrayBuffer> {
  const nonceBytes = Buffer.from(nonce);
  const body = new Uint8Array(
    parts.reduce((sum, part) => sum + part.length, nonceBytes.length * (parts.length - 1)),
  );
  let offset = 0;
  parts.forEach((part, index) => {
    if (index > 0) offset += copy(nonceBytes, body, offset);
    offset += copy(part, body, offset);
  });
  return body;
}

/** The bytes as a body that is read as it is: a Response copies the bytes it is given as such. */
function asStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

function copy(from: Uint8Array, to: Uint8Array, offset: number): number {
  to.set(from, offset);
  return from.length;
}

/** A browser's navigation, or a client that asks for HTML: never the client router's fetches. */
function isDocumentRequest(request: NextRequest): boolean {
  if (request.method !== "GET" || request.headers.has(RENDER_HEADER)) return false;
  const destination = request.headers.get("sec-fetch-dest");
  return (
    (destination === null || destination === "document") &&
    (request.headers.get("accept") ?? "").includes("text/html")
  );
}

function render(address: string, version: string): Promise<CachedPage | null> {
  const key = `${address}\n${version}`;
  let pending = renders.get(key);
  if (!pending) {
    pending = renderPage(ownOrigin(env()), address, version).finally(() => renders.delete(key));
    renders.set(key, pending);
  }
  return pending;
}

/**
 * Renders the page by asking this server for it with the placeholder nonce; null unless it is a page
 * (200, HTML). It carries `version`, which is at most as new as the page: the version was read before the
 * render, so a change during it only makes the next request render again.
 */
async function renderPage(origin: string, address: string, version: string): Promise<CachedPage | null> {
  try {
    const response = await fetch(new URL(address, origin), {
      headers: { [RENDER_HEADER]: renderSecret, accept: "text/html", "accept-encoding": "identity" },
      redirect: "manual",
      signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
    });
    const html = await response.text();
    if (response.status !== 200 || !response.headers.get("content-type")?.startsWith("text/html")) {
      noteFailure("rendering the page", `status ${response.status} ${response.headers.get("content-type")}`);
      return null;
    }
    const parts = html.split(noncePlaceholder);
    if (parts.length === 1) {
      noteFailure("rendering the page", `an answer from another server at ${origin} (check PORT and HOST)`);
      return null;
    }
    return {
      version,
      parts: parts.map((part) => Buffer.from(part)),
      headers: [...response.headers].filter(([name]) => !NOT_OF_THE_PAGE.has(name)),
    };
  } catch (error) {
    // The render failed or took too long: this request renders the page itself, as if there were no cache.
    noteFailure(`rendering the page at ${origin}`, error);
    return null;
  }
}
