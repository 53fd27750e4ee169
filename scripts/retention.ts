/**
 * Anonymizes the registrations of every meeting past its retention date (RETENTION_DAYS after its last
 * day, in the meeting's time zone; see app/_server/retention), deletes visa letters' passport details 30
 * days after the meeting and re-encrypts the others under the current key (retention/visa-data.ts), and
 * deletes what has run out: organizer
 * sessions past their lifetime or idle time, rate-limit counters past their window, and sign-in addresses
 * no account has used for 90 days:
 *
 *   npm run retention              do it
 *   npm run retention -- --dry-run say what it would do, change nothing
 *
 * Made for cron: no questions, one line per meeting with counts and no personal data. A second run does
 * nothing. Targets DATABASE_URL when set, otherwise the embedded database in DATA_DIR (stop the app first:
 * PGlite allows one process per folder).
 * Exit codes: 0 done (also when there was nothing to do, or another run is at work: it says so),
 * 1 failed (one sentence on stderr), 2 wrong usage.
 */
import { parseArgs } from "node:util";
import { sweepSessions } from "../app/_server/auth/sessions";
import { sweepKnownAddresses } from "../app/_server/accounts/sign-in-limits";
import { applyMigrations } from "../app/_server/database/migrations";
import { env } from "../app/_server/env";
import { sweepRateLimits } from "../app/_server/rate-limit";
import { runRetention, summaryLine } from "../app/_server/retention/run";
import { runVisaDataRetention, visaDataLines } from "../app/_server/retention/visa-data";
import { openDatabase, runCommand } from "./lib/command";

const USAGE = "Usage: npm run retention [-- --dry-run]";

function readArguments(): { dryRun: boolean } | null {
  try {
    const { values } = parseArgs({
      options: { "dry-run": { type: "boolean" }, help: { type: "boolean" } },
      strict: true,
      allowPositionals: false,
    });
    return values.help ? null : { dryRun: values["dry-run"] ?? false };
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return null;
  }
}

async function main(): Promise<number> {
  const options = readArguments();
  if (!options) {
    console.error(USAGE);
    return 2;
  }
  const target = await openDatabase();
  // Embedded mode only: on PostgreSQL migrations are a deploy step, and a cron job must not make one.
  if (target.kind === "pglite") await applyMigrations(target);
  const { RETENTION_DAYS } = env();
  const run = await runRetention({ now: new Date(), retentionDays: RETENTION_DAYS, dryRun: options.dryRun });
  if (run.outcome === "busy") {
    console.log("Another retention run is at work; this one did nothing.");
    return 0;
  }
  console.log(
    `${options.dryRun ? "Dry run, nothing changed. " : ""}Retention: ${RETENTION_DAYS} days after each meeting's last day.`,
  );
  for (const meeting of run.meetings) console.log(summaryLine(meeting, run.dryRun));
  if (run.meetings.length === 0) console.log("No meetings.");
  const visa = await runVisaDataRetention({ now: new Date(), dryRun: options.dryRun });
  if (visa !== "busy") for (const line of visaDataLines(visa, options.dryRun)) console.log(line);
  if (!options.dryRun) {
    const now = new Date();
    const [sessions, counters, addresses] = [
      await sweepSessions(now),
      await sweepRateLimits(now),
      await sweepKnownAddresses(now),
    ];
    console.log(
      `Deleted ${sessions} ended session(s), ${counters} expired rate-limit counter(s), ${addresses} sign-in address(es) unused for 90 days.`,
    );
  }
  return 0;
}

// Only the message: the work writes no personal values that a failing constraint could quote.
await runCommand(main, "Retention failed: ");
