import "server-only";

/**
 * Pure checks of a request's shape, run by the proxy before Next.js routes it (app/_http/request-gate.ts): what
 * Next itself would answer with a 500 and without the security headers.
 *
 * - An address that does not decode: Next's router throws on a bad percent escape in a dynamic segment
 *   (`/api/meetings/%ff`) and then fails to render its `/400` page, which the app router does not have.
 * - A server action's body past Next's `serverActions.bodySizeLimit`: Next throws a 413 error, and answers
 *   a fetch action's error with a 500 whatever its status (action-handler.js marks this as unfinished).
 * - A server action's arguments that React's `decodeReply` cannot take: it revives the parsed JSON
 *   recursively, so arguments nested some thousands deep overflow the stack; more than Next's 1000
 *   arguments, broken JSON or a broken multipart body all throw, and become a 500 the same way.
 */

/**
 * Next's default `serverActions.bodySizeLimit` (1 MB), set explicitly in next.config.js so that the two
 * stay one number: the proxy refuses a bigger body with a 413 before Next reads it.
 */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
/** Nesting of one argument row. The app's forms send a FormData and a few flat values: depth 3 at most. */
export const MAX_NESTING = 64;
/** Arguments of one call, bound ones included. The app's actions take four at most; Next allows 1000. */
export const MAX_ARGUMENTS = 64;
/** Rows of a multipart reply (React's outlined values, each one a reference another row may follow). */
export const MAX_ROWS = 256;

export type ShapeProblem = "malformed" | "too_large";

/**
 * Percent escapes of what no address of the app holds: control characters, `/` and `\` inside a segment,
 * and `%` itself. An escaped `%` (`/en/meetings/%25/agenda`) is decoded once more on the way to the page
 * (the language routing's rewrite carries the decoded path), and then no longer decodes: Next takes the
 * rewrite for one to another server, forwards the request over HTTP, and answers a 500 when that fails.
 */
const FORBIDDEN_DECODED = /[\u0000-\u001f\u007f/\\%]/;

/**
 * Whether an address path is malformed: a segment whose percent escapes do not decode as UTF-8, or that
 * decodes to a control character, a path separator or a percent sign (encoded slashes and double
 * encoding are ways around path checks, never a real address here). `.` and `..` segments are not looked at: Next and the URL parser the proxy
 * sees the address through resolve them alike (RFC 3986), so they cannot lead anywhere the plain path
 * would not.
 */
export function isMalformedPath(pathname: string): boolean {
  for (const segment of pathname.split("/")) {
    if (!segment.includes("%")) continue;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return true;
    }
    if (FORBIDDEN_DECODED.test(decoded)) return true;
  }
  return false;
}

/**
 * Addresses that are pages to the proxy: the first entry of `config.matcher` in proxy.ts, which must be
 * a literal there (Next reads it at build time). The proxy sees other addresses only to check their shape.
 */
const PAGE_ADDRESS = /^\/(?!api|calendar|_next|_vercel|.*\..*)/;

export function isPageAddress(pathname: string): boolean {
  return PAGE_ADDRESS.test(pathname);
}

/** A declared body length past the limit; a missing or unreadable Content-Length is not one. */
export function declaresTooLarge(contentLength: string | null, limit = ACTION_BODY_LIMIT_BYTES): boolean {
  if (contentLength === null || !/^\s*\d+\s*$/.test(contentLength)) return false;
  return Number(contentLength) > limit;
}

/**
 * How deep a parsed JSON value nests, counted without recursion (the point is a value too deep for a
 * recursive walk), and given up at `stopAt`: a depth past it is reported as `stopAt + 1`.
 */
export function nestingDepth(value: unknown, stopAt = MAX_NESTING): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    const inner = depth + 1;
    if (inner > stopAt) return stopAt + 1;
    deepest = Math.max(deepest, inner);
    for (const child of Object.values(current)) stack.push([child, inner]);
  }
  return deepest;
}

/** Rows of React's reply that it parses as JSON: `0`, `1`, … for a fetch action, `$ACTION_1:0`, … for a form posted without JavaScript. */
const REPLY_ROW = /^(\$ACTION_[^:]*:)?(\d+)$/;

/**
 * The `$` strings of a row that React's `decodeReply` turns into a value without throwing, and that this
 * site's client sends: an escaped string (`$$…`), undefined and the numbers JSON has no word for, a date,
 * a form's fields (`$K1`), a promise (`$@1`, the bound arguments of a form posted without JavaScript) and a
 * reference to another row or a path in it (`$1`, `$0:2:name`, written for an object met twice).
 * React throws on anything else that starts with `$` (`$`, `$5` with no row 5, `$Q0` of a row that is not
 * a list of pairs, `$nx`, `$T` outside a render, a path that leads nowhere), and Next answers a 500.
 */
const PLAIN_VALUE = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|K[0-9a-f]+$)/;
const REFERENCE = /^\$@?([0-9a-f]{1,8})((?::[^:]*)*)$/;

/**
 * Whether a server action's arguments are something React can decode and Next can call the action with:
 * every JSON row parses and nests no deeper than MAX_NESTING, there are no more than MAX_ROWS rows, a fetch
 * action's first row is the list of arguments, no longer than MAX_ARGUMENTS, and every `$` string is one
 * of the forms React takes (PLAIN_VALUE), or a reference to a row that is there, along a path that is.
 * Other fields (the FormData an action receives, under `1_name`) are the visitor's text, not React's, and
 * are not looked at.
 */
export function replyProblem(
  fields: Iterable<[string, unknown]>,
  { fetchAction }: { fetchAction: boolean },
): ShapeProblem | null {
  const rows = new Map<string, unknown>();
  for (const [name, value] of fields) {
    if (!REPLY_ROW.test(name) || typeof value !== "string") continue;
    if (rows.size >= MAX_ROWS) return "malformed";
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return "malformed";
    }
    if (nestingDepth(parsed) > MAX_NESTING) return "malformed";
    rows.set(name, parsed);
  }
  const argumentList = rows.get("0");
  if (fetchAction && !(Array.isArray(argumentList) && argumentList.length <= MAX_ARGUMENTS))
    return "malformed";
  for (const [name, parsed] of rows) {
    const prefix = REPLY_ROW.exec(name)![1] ?? "";
    if (!decodable(parsed, (id) => rows.get(prefix + id))) return "malformed";
  }
  return null;
}

/** Whether every string in a parsed row (at most MAX_NESTING deep, so recursion is safe) decodes. */
function decodable(value: unknown, row: (id: number) => unknown): boolean {
  if (typeof value === "string") return !value.startsWith("$") || decodableReference(value, row);
  if (value === null || typeof value !== "object") return true;
  return Object.values(value).every((child) => decodable(child, row));
}

function decodableReference(value: string, row: (id: number) => unknown): boolean {
  if (PLAIN_VALUE.test(value)) return true;
  const [, id, path] = REFERENCE.exec(value) ?? [];
  if (id === undefined || path === undefined) return false;
  let target = row(parseInt(id, 16));
  if (target === undefined) return false;
  // React walks the path through the decoded row, through objects' and lists' own entries only.
  for (const key of path.split(":").slice(1)) {
    if (target === null || typeof target !== "object" || !Object.hasOwn(target, key)) return false;
    target = (target as Record<string, unknown>)[key];
  }
  return true;
}
