const BASE = "http://site.invalid";

/**
 * Where to go after signing in: only a path of this site, so that a link to the sign-in page cannot send
 * anyone elsewhere. The value is resolved as a browser would (dot segments, "%2e" as a dot, "\" as "/")
 * against a placeholder origin and must stay on it with a pathname that does not start with "//", which a
 * browser or a Location header reads as another host ("/..//evil.example" resolves to "//evil.example").
 * Tabs, newlines, other control characters, spaces and backslashes are refused outright: browsers drop or
 * rewrite them ("/<tab>/evil.example" is "//evil.example"). Because some servers and proxies decode a path
 * before acting on it, the pathname decoded once and twice ("%2f", "%5c", "%252f") must pass the same
 * test. The result is the resolved path and query, so the value handed on is exactly the one checked.
 */
export function localPath(value: string | undefined, fallback: string): string {
  const url = value === undefined ? undefined : onSite(value);
  if (!url) return fallback;
  let path = url.pathname;
  for (let round = 0; round < 2; round++) {
    path = decoded(path) ?? "";
    if (!onSite(path)) return fallback;
  }
  return `${url.pathname}${url.search}`;
}

function onSite(path: string): URL | undefined {
  if (!path.startsWith("/") || /[\u0000-\u0020\u007f\\]/.test(path)) return undefined;
  try {
    const url = new URL(path, BASE);
    return url.origin === BASE && !url.pathname.startsWith("//") ? url : undefined;
  } catch {
    return undefined;
  }
}

function decoded(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}
