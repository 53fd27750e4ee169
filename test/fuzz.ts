/**
 * Hostile input for the property-based fuzz tests (`*.fuzz.int.test.ts`, e2e/fuzz.spec.ts): what a
 * careless client, a script or an attacker sends where the app expects a registration, a form or a
 * calendar address.
 *
 * How many inputs each property tries comes from FUZZ_RUNS (a multiplier of the defaults, which keep a
 * file within about 15 s per tier and time zone in CI). A long campaign on a spare machine:
 *
 *   FUZZ_RUNS=50 npx vitest run --project integration-postgres fuzz
 *
 * fast-check picks a random seed each run and prints it with the smallest failing input; to replay a
 * failure, set FUZZ_SEED (and FUZZ_PATH, from the same report) to the printed values.
 */
import fc from "fast-check";

function runsFactor(): number {
  const factor = Number(process.env.FUZZ_RUNS ?? 1);
  return Number.isFinite(factor) && factor > 0 ? factor : 1;
}

/** The runs for a property: its CI default times FUZZ_RUNS (default 1). */
export function fuzzRuns(base: number): number {
  return Math.max(1, Math.round(base * runsFactor()));
}

/** A test's time limit, grown with FUZZ_RUNS so that a long campaign is not cut short. */
export function fuzzTimeout(): number {
  return Math.max(60_000, 60_000 * runsFactor());
}

/** fast-check parameters: the number of runs, and a replayed seed when FUZZ_SEED is set. */
export function fuzzParameters(base: number): { numRuns: number; seed?: number; path?: string } {
  const seed = process.env.FUZZ_SEED;
  return { numRuns: fuzzRuns(base), ...(seed ? { seed: Number(seed), path: process.env.FUZZ_PATH } : {}) };
}

/** Characters that have broken software before: C0 and C1 controls, NUL, bidi overrides, joiners, BOM, lone surrogates. */
export const nastyCharacters = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\b",
  "\t",
  "\n",
  "\u000b",
  "\f",
  "\r",
  "\u001b",
  "\u001f",
  "\u007f",
  "\u0080",
  "\u0085",
  "\u009b",
  "\u009f",
  "\u00a0",
  "\u00ad",
  "\u200b",
  "\u200c",
  "\u200d",
  "\u200e",
  "\u200f",
  "\u2028",
  "\u2029",
  "\u202a",
  "\u202b",
  "\u202c",
  "\u202d",
  "\u202e",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\ufeff",
  "\ufffd",
  "\uffff",
  "\ud800",
  "\udfff",
  "\ud83d",
];

/** Text from many scripts: Latin with accents, CJK, Arabic, Cyrillic, emoji with modifiers, combining marks. */
const scriptSamples = [
  "Müller-Lüdenscheidt",
  "O'Neill",
  "Łódź",
  "Ærøskøbing",
  "王伟",
  "中德工业城市联盟",
  "ｆｕｌｌｗｉｄｔｈ",
  "𠀀𪚥",
  "محمد",
  "Москва",
  "ελληνικά",
  "हिन्दी",
  "👩🏽‍💻",
  "🇩🇪🇨🇳",
  "e\u0301\u0302\u0303",
  "Z̴̡̛̝a̸̢͚l̷̰̐g̶̣̈o̵̩͝",
  "ﷺ",
  "ß",
  "İı",
];

/** Fragments aimed at SQL, HTML, templates, paths, headers and formats. */
export const injectionSamples = [
  '\'; DROP TABLE "Registration"; --',
  "' OR '1'='1",
  "\\'",
  "1; SELECT pg_sleep(10)",
  "$$; $1 $2",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg/onload=alert(1)>',
  "javascript:alert(1)",
  "{{constructor.constructor('return process')()}}",
  "${process.env}",
  "%s%s%n",
  "%00",
  "%ff%fe",
  "../../etc/passwd",
  "\r\nBcc: victim@example.org",
  "BEGIN:VEVENT\r\nEND:VCALENDAR",
  '=HYPERLINK("http://x")',
  "+SUM(1,1)",
  "@cmd",
];

/** Property names that tempt a careless merge into prototype pollution. */
export const pollutionKeys = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
];

/** A string of any kind, from empty to ~100 000 characters, heavy on what breaks things. */
export function hostileString(options: { maxHuge?: number } = {}): fc.Arbitrary<string> {
  const maxHuge = options.maxHuge ?? 100_000;
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
    {
      weight: 3,
      arbitrary: fc
        .array(fc.constantFrom(...nastyCharacters, ...scriptSamples, "a", " ", "-", "."), { maxLength: 30 })
        .map((parts) => parts.join("")),
    },
    { weight: 2, arbitrary: fc.constantFrom(...injectionSamples, ...pollutionKeys, ...scriptSamples) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "",
        " ",
        "   ",
        "\u3000",
        "null",
        "undefined",
        "true",
        "0",
        "-1",
        "NaN",
        "1e309",
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom("x", "é", "王", "👩🏽‍💻", "\u0000", "a b", "<"),
          fc.integer({ min: 100, max: maxHuge }),
        )
        .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)),
    },
  );
}

/** Any JSON-ish value where a string belongs: numbers, booleans, null, arrays, objects, hostile text. */
export function hostileValue(options: { maxHuge?: number } = {}): fc.Arbitrary<unknown> {
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      hostileString(options),
      fc.constantFrom(null, true, false, 0, -0, 1, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, 0.1),
      fc.double(),
      fc.array(tie("tree"), { maxLength: 4 }),
      fc.dictionary(fc.oneof(fc.constantFrom(...pollutionKeys), fc.string({ maxLength: 8 })), tie("tree"), {
        maxKeys: 4,
      }),
    ),
  }));
  return tree;
}

/** JSON text that does not parse, or parses to something unexpected. */
export const brokenJson = fc.oneof(
  fc.constantFrom(
    "",
    "{",
    "}",
    "{not json",
    "[",
    '{"a":}',
    "nul",
    "tru",
    "'single'",
    '{"a":1,}',
    "\u0000",
    "\ufeff{}",
    "NaN",
    "Infinity",
    "1e999999",
    "[[[[[[[[[[",
    '{"__proto__":{"admin":true}}',
  ),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.json().map((text) => text.slice(0, Math.max(0, text.length - 1))),
);

/** Values for an Idempotency-Key header (and the form's token). */
export const idempotencyKeys = fc.option(
  fc.oneof(
    fc.string({ maxLength: 64 }).filter(isHeaderValue),
    fc.constantFrom(" ", "x".repeat(255), "x".repeat(256), "x".repeat(4000), "__proto__", "'; --"),
    fc.uuid(),
  ),
  { nil: undefined },
);

/** Whether Fetch accepts the string as a header value (no NUL, CR or LF, Latin-1 only). */
export function isHeaderValue(value: string): boolean {
  return /^[\t\u0020-\u007e\u0080-\u00ff]*$/.test(value);
}

/** Slugs and path segments: real ones, near misses, and anything at all. */
export function pathSegment(real: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...real) },
    { weight: 2, arbitrary: hostileString({ maxHuge: 5_000 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "",
        ".",
        "..",
        "%2e%2e",
        "%00",
        "2017%00",
        "２０１７",
        "2017 ",
        " 2017",
        "2017/..",
        "1999",
        "-1",
        "0x7e1",
      ),
    },
  );
}

/** Control characters the registration fields must never keep (tab and line breaks are allowed in text). */
export const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * A path segment that is not an address, with text around it: an escape that does not decode as UTF-8,
 * or one of a control character or a path separator. The proxy answers any of them with 400
 * (app/_server/security/request-shape.ts).
 */
export const malformedSegment: fc.Arbitrary<string> = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(..."abcXYZ019-_.~"), maxLength: 12 }),
    fc.constantFrom(
      "%ff",
      "%",
      "%25",
      "%2541",
      "%e4%b8",
      "%c0%af",
      "%ed%a0%80",
      "%zz",
      "%0",
      "%00",
      "%0a",
      "%0D%0A",
      "%1b",
      "%7f",
      "%2f",
      "%2F",
      "%5c",
      "..%2f..%2fetc%2fpasswd",
    ),
    fc.string({ unit: fc.constantFrom(..."abcXYZ019-_.~"), maxLength: 12 }),
  )
  .map(([before, bad, after]) => `${before}${bad}${after}`);

/** Path segments that are addresses, if unusual ones: dot segments, long ones (within Node's 16 KB of headers), harmless escapes. */
export const oddSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    ".",
    "..",
    "%2e",
    "%2e%2e",
    ".%2e",
    "...",
    "%20",
    "%E4%B8%AD",
    "%32017",
    "2017%20",
    "~",
    "-",
  ),
  fc
    .tuple(fc.constantFrom("x", "A", "é"), fc.integer({ min: 200, max: 600 }))
    .map(([unit, times]) => encodeURIComponent(unit).repeat(times)),
);
