/**
 * libical's own verdict on an iCalendar object: test/ical-restriction.c, compiled on first use against the
 * system's libical (Debian: libical-dev, which scripts/ensure-browser.sh installs) and kept in
 * node_modules/.cache under the hash of its source. libical is the parser of Evolution, KDE and many
 * servers; its restriction check is the one that found METHOD:PUBLISH without ORGANIZER.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import path from "node:path";

const root = path.join(import.meta.dirname, "..");
const source = path.join(root, "test", "ical-restriction.c");

function checker(): string {
  const hash = createHash("sha256").update(readFileSync(source)).digest("hex").slice(0, 16);
  const folder = path.join(root, "node_modules", ".cache", "ical-restriction");
  const binary = path.join(folder, `check-${hash}`);
  if (existsSync(binary)) return binary;
  let flags: string[];
  try {
    flags = execFileSync("pkg-config", ["--cflags", "--libs", "libical"], { encoding: "utf8" })
      .trim()
      .split(/\s+/);
  } catch {
    throw new Error(
      "libical's development files are missing: run `bash scripts/ensure-browser.sh` as root, or apt-get install libical-dev",
    );
  }
  mkdirSync(folder, { recursive: true });
  // Built under a temporary name and renamed: test files compiling at once never run a half-written one.
  const building = `${binary}.${process.pid}`;
  execFileSync("cc", ["-O1", "-o", building, source, ...flags], { stdio: "pipe" });
  renameSync(building, binary);
  return binary;
}

/** The problems libical's parser and restriction check find in the calendar; empty when it passes. */
export function libicalProblems(calendar: string): string[] {
  const result = spawnSync(checker(), { input: calendar, encoding: "utf8" });
  if (result.error) throw result.error;
  const problems = [...new Set(result.stdout.split("\n").filter(Boolean))];
  if ((result.status === 0) !== (problems.length === 0))
    throw new Error(`libical check exited ${result.status} with ${JSON.stringify(problems)}`);
  return problems;
}
