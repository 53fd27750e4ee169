import "server-only";
import { db } from "../db";
import { configuredTarget } from "../database/target";
import { dataKeyring, decryptWith, encryptWith, UndecryptableError } from "../security/field-cipher";
import { isDue } from "./due-date";
import { withRetentionLock } from "./run-lock";

/**
 * Passport details live shorter than the rest of a registration: the letter is needed before the
 * journey, not afterwards. The retention run deletes them
 *   - 30 days after the meeting's last day (from 00:00 in its zone), however long RETENTION_DAYS keeps the
 *     rest, which leaves time for a consulate's questions after the stay;
 *   - at once for registrations that were cancelled or rejected: no letter is written for them;
 *   - with the registration's anonymization (anonymize.ts), should that come first.
 * It also re-encrypts every value under a key other than the current one (VISA_DATA_KEYS' first), so
 * that an old key can be removed from VISA_DATA_KEYS after a run.
 */
export const VISA_DATA_DAYS = 30;

export type VisaDataRun = {
  /** Registrations whose passport details were (or, in a dry run, would be) deleted, per meeting slug. */
  deleted: { slug: string; count: number }[];
  /** Values re-encrypted under the current key (0 in a dry run: it only counts them as `toReencrypt`). */
  reencrypted: number;
  toReencrypt: number;
  currentKey: string;
  /** Values that open with no configured key: only a key added back to VISA_DATA_KEYS reads them. */
  unreadable: number;
};

export async function runVisaDataRetention({
  now,
  dryRun,
}: {
  now: Date;
  dryRun: boolean;
}): Promise<VisaDataRun | "busy"> {
  return withRetentionLock(configuredTarget(), async () => {
    const deleted: VisaDataRun["deleted"] = [];
    const going = new Set<string>();
    const meetings = await db.meeting.findMany({
      select: { id: true, slug: true, endsOn: true, timeZone: true },
      orderBy: [{ startsOn: "asc" }, { slug: "asc" }],
    });
    for (const meeting of meetings) {
      const rows = await db.registration.findMany({
        where: {
          meetingId: meeting.id,
          visaData: { not: null },
          ...(isDue(meeting, VISA_DATA_DAYS, now) ? {} : { status: { in: ["cancelled", "rejected"] } }),
        },
        select: { id: true },
      });
      if (rows.length === 0) continue;
      const ids = rows.map((row) => row.id);
      if (!dryRun) await db.registration.updateMany({ where: { id: { in: ids } }, data: { visaData: null } });
      for (const id of ids) going.add(id);
      deleted.push({ slug: meeting.slug, count: ids.length });
    }
    // A dry run has deleted nothing: what the real run deletes first is not counted as re-encrypted.
    return { deleted, ...(await rotate(dryRun, going)) };
  });
}

/** Re-encrypts under the current key; each row only if nobody changed it meanwhile. */
async function rotate(dryRun: boolean, going: ReadonlySet<string>): Promise<Omit<VisaDataRun, "deleted">> {
  const keyring = await dataKeyring();
  const current = keyring.current.id;
  const rows = (
    await db.registration.findMany({
      where: { visaData: { not: null }, NOT: { visaData: { startsWith: `v1.${current}.` } } },
      select: { id: true, visaData: true },
      orderBy: { id: "asc" },
    })
  ).filter((row) => !going.has(row.id));
  let reencrypted = 0;
  let unreadable = 0;
  for (const row of rows) {
    let plain: string;
    try {
      plain = decryptWith(keyring, row.visaData!, row.id);
    } catch (error) {
      if (!(error instanceof UndecryptableError)) throw error;
      unreadable++;
      continue;
    }
    if (dryRun) continue;
    const { count } = await db.registration.updateMany({
      where: { id: row.id, visaData: row.visaData },
      data: { visaData: encryptWith(keyring, plain, row.id) },
    });
    reencrypted += count;
  }
  return { reencrypted, toReencrypt: rows.length - unreadable, currentKey: current, unreadable };
}

/** The run as lines for cron mail and logs: counts and key ids, never a value. */
export function visaDataLines(run: VisaDataRun, dryRun: boolean): string[] {
  const lines = run.deleted.map(
    ({ slug, count }) =>
      `${slug}: ${dryRun ? "would delete" : "deleted"} the passport details of ${count} registration(s)`,
  );
  if (run.toReencrypt > 0)
    lines.push(
      dryRun
        ? `Would re-encrypt ${run.toReencrypt} visa detail value(s) with the key "${run.currentKey}".`
        : `Re-encrypted ${run.reencrypted} visa detail value(s) with the key "${run.currentKey}".`,
    );
  if (run.unreadable > 0)
    lines.push(
      `${run.unreadable} visa detail value(s) open with no configured key: add the old key back to VISA_DATA_KEYS.`,
    );
  return lines;
}
