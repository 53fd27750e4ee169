import "server-only";
import { db } from "../db";
import { env } from "../env";

/**
 * The domain of every calendar UID (ics.ts, sessionUid), fixed when the installation first starts
 * and stored (InstallationSetting `calendarUidDomain`), never read from PUBLIC_URL again: a calendar app
 * tells events apart by UID, so a site that moves to another address must keep them, or every subscriber
 * would see each event twice. The first value is PUBLIC_URL's host, which is what the UIDs of releases
 * before the setting used: an installation that upgrades keeps its UIDs, provided PUBLIC_URL is not
 * changed in the same step.
 */

const SETTING = "calendarUidDomain";

/** Kept on globalThis, like the app's secret: the start-up and the pages are bundled apart. */
const state = globalThis as unknown as { __calendarUidDomain?: Promise<string> };

export function calendarUidDomain(): Promise<string> {
  return (state.__calendarUidDomain ??= load().catch((error: unknown) => {
    state.__calendarUidDomain = undefined;
    throw error;
  }));
}

async function load(): Promise<string> {
  await db.installationSetting.createMany({
    data: [{ name: SETTING, value: new URL(env().PUBLIC_URL).hostname }],
    skipDuplicates: true,
  });
  const { value } = await db.installationSetting.findUniqueOrThrow({ where: { name: SETTING } });
  return value;
}
