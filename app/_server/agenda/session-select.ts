import "server-only";
import { translatedFields } from "@/app/_lib/i18n/localized";
import type { Prisma } from "../db";

/** A session as one line of a program: what every reader of sessions selects, and more where it needs it. */
export const sessionLineSelect = {
  id: true,
  kind: true,
  status: true,
  ...translatedFields("title"),
  startsAt: true,
  endsAt: true,
} as const satisfies Prisma.SessionSelect;
