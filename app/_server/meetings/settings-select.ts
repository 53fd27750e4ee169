import "server-only";
import { translatedFields } from "@/app/_lib/i18n/localized";

/**
 * Every setting of a meeting, no counters: what the settings form shows and the audit log keeps, and
 * what the public pages read of a meeting besides its summary.
 */
export const settingsSelect = {
  id: true,
  slug: true,
  ...translatedFields("title"),
  venueName: true,
  venueCity: true,
  venueCountry: true,
  timeZone: true,
  startsOn: true,
  endsOn: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  requiresApproval: true,
  visaLetterDays: true,
  defaultLocale: true,
  published: true,
} as const;
