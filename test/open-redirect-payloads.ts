/**
 * Values an attacker puts where the app expects a path of its own (the sign-in page's `callbackUrl`),
 * hoping that a browser, a server or a proxy reads them as another site. Shared by the unit test of
 * `localPath` and the browser test that signs in with each of them (e2e/open-redirect.spec.ts).
 */
export const OPEN_REDIRECT_PAYLOADS: readonly string[] = [
  // Dot segments that resolve to a scheme-relative path.
  "/..//evil.example/phish",
  "/.//evil.example",
  "/%2e%2e//evil.example",
  "/a/..//evil.example",
  "/.%2e//evil.example",
  "/%2e%2e/%2e%2e//evil.example",
  "/en/../..//evil.example",
  "/%252e%252e//evil.example",
  // Scheme-relative and absolute addresses.
  "//evil.example",
  "///evil.example",
  "////evil.example",
  "//evil.example/%2e%2e",
  "//evil.example%2f@localhost",
  "//evil.example@localhost",
  "//%65vil.example",
  "//evil\u3002example",
  "https://evil.example",
  "HTTPS://evil.example",
  "https:/evil.example",
  "https:\\\\evil.example",
  "http:evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  // Backslashes, which browsers read as slashes.
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\\/evil.example",
  // Whitespace and control characters, which browsers drop.
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\t\\evil.example",
  " //evil.example",
  "\u0000//evil.example",
  "/ /evil.example",
  // Percent-encoded slashes, backslashes and controls, once and twice.
  "/%2f%2fevil.example",
  "/%2F/evil.example",
  "/%5cevil.example",
  "/%5c%5cevil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%0d%0a/evil.example",
  "/%00//evil.example",
  "/%252f%252fevil.example",
  "/%255cevil.example",
  "%2f%2fevil.example",
  // Lookalikes and a user-info sign: another site only if something misreads them.
  "\uff0f\uff0fevil.example",
  "/\uff0f\uff0fevil.example",
  "/\u2170evil",
  "/\u3000/evil.example",
  "/@evil.example",
  "/?//evil.example",
];

/** Of the payloads above, those that are harmless paths of this site: `localPath` may keep them. */
export const HARMLESS_PAYLOADS: readonly string[] = [
  "/\uff0f\uff0fevil.example",
  "/\u2170evil",
  "/\u3000/evil.example",
  "/@evil.example",
  "/?//evil.example",
];

/** Paths of this site that must survive exactly. */
export const LOCAL_PATHS: readonly string[] = [
  "/en/admin/meetings/2017?tab=x",
  "/zh/admin",
  "/de/admin/people?q=M%C3%BCller",
  "/en/admin/audit?meeting=2017",
];
