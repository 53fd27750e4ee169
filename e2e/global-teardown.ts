import { existsSync, readFileSync } from "node:fs";
import { SERVER_LOG } from "../playwright.config";
import { secretsInLog } from "../scripts/lib/server-log";
import { DEMO_PASSWORD } from "./support/back-office";

/**
 * After the whole run: the server's output, after every page, form, feed and fuzz case of the suite,
 * holds no token, password or email address (scripts/lib/server-log.ts says what is looked for).
 */
export default function checkServerLog(): void {
  if (!existsSync(SERVER_LOG)) throw new Error(`${SERVER_LOG} is missing: the server's output was not kept.`);
  const findings = secretsInLog(readFileSync(SERVER_LOG, "utf8"), [DEMO_PASSWORD]);
  if (findings.length === 0) return;
  const lines = findings
    .slice(0, 20)
    .map((finding) => `  line ${finding.line} (${finding.kind}): ${finding.text}`);
  throw new Error(
    `The server's output holds secrets (${findings.length} findings, masked):\n${lines.join("\n")}`,
  );
}
