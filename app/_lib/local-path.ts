/**
 * Where to go after signing in: only a path of this site, so that a link to the sign-in page cannot send
 * anyone elsewhere. Resolved against a placeholder origin, a value must stay on it, which
 * "//evil.example", "/\evil.example" and "/<tab>/evil.example" (browsers drop tabs and read "\" as "/")
 * do not.
 */
export function localPath(value: string | undefined, fallback: string): string {
  if (!value || !value.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  const base = "http://site.invalid";
  const url = new URL(value, base);
  return url.origin === base ? `${url.pathname}${url.search}` : fallback;
}
