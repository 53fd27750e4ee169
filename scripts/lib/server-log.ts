/**
 * What a server's output must never hold: link tokens (manage, calendar, password and setup links are
 * 43 characters of base64url), session tokens (next-auth's JWE, base64url JSON starting "eyJ"), email
 * addresses, and passwords. The end-to-end run checks its server's whole output with this
 * (e2e/global-teardown.ts); a line that is found is shown with the secret masked.
 */
const SECRETS: { kind: string; pattern: RegExp }[] = [
  { kind: "email address", pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  { kind: "session token", pattern: /eyJ[A-Za-z0-9_-]{16,}/g },
  { kind: "link token", pattern: /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g },
  { kind: "password", pattern: /passw(?:or)?d["']?\s*[:=]\s*["']?[^\s"',}]{4,}/gi },
];

export type LogFinding = { line: number; kind: string; text: string };

/** Every line of `output` that holds a secret, with the secret masked; `known` adds literal secrets (test passwords). */
export function secretsInLog(output: string, known: string[] = []): LogFinding[] {
  const patterns = [
    ...SECRETS,
    ...known.map((secret) => ({ kind: "known secret", pattern: new RegExp(escape(secret), "g") })),
  ];
  const findings: LogFinding[] = [];
  output.split("\n").forEach((text, index) => {
    for (const { kind, pattern } of patterns) {
      if (!text.match(pattern)) continue;
      findings.push({ line: index + 1, kind, text: text.replace(pattern, "▒▒▒").slice(0, 300) });
    }
  });
  return findings;
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
