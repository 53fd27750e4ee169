import "server-only";
import { lockByToken } from "./manage";
import type { Prisma } from "../db";
import { registrationTransaction } from "../registration/transaction";
import { derivedToken } from "../security/keys";
import { hashToken } from "../security/tokens";

/**
 * The delegate's personal calendar address, shown on the manage page as often as it is opened. Its token is
 * derived from the registration and a generation number on its row (HMAC with a key of the app's secret),
 * so it can be shown again while the database keeps only its hash, as for every other link: a copy of the
 * database opens no calendar, as long as the secret is AUTH_SECRET and not the one an installation without it
 * keeps in its database (security/secret.ts; the README's Deploy section asks for AUTH_SECRET). A new address counts the generation up and ends every earlier one at once,
 * for a link shared by mistake. Tokens made before this scheme (random, shown once) keep working until then.
 */

/** Where a calendar token opens the delegate's feed (the path; callers add PUBLIC_URL and `?lang=`). */
export function personalFeedPath(token: string): string {
  return `/calendar/personal/${token}.ics`;
}

function tokenOf(registrationId: string, generation: number): Promise<string> {
  return derivedToken("calendar-link", `${registrationId}\n${generation}`);
}

/** The token of the current generation, its hash stored if missing (on first showing, after AUTH_SECRET changed). */
async function currentToken(
  client: Pick<Prisma.TransactionClient, "accessToken">,
  registration: { id: string; calendarGeneration: number },
): Promise<string> {
  const token = await tokenOf(registration.id, registration.calendarGeneration);
  await client.accessToken.createMany({
    data: [{ hash: hashToken(token), registrationId: registration.id, purpose: "calendar" }],
    skipDuplicates: true,
  });
  return token;
}

/**
 * The current calendar token of a registration the caller opened with its manage token
 * (getManagedRegistration); showing it ends nothing.
 */
export async function personalCalendarToken(id: string): Promise<string> {
  // The generation is read under a share lock of the row, which a new address (rotateCalendarToken) waits
  // for and locks itself: read without it, a new address committed between the read and the insert would
  // store the hash of the address just ended again, and bring it back to life.
  return registrationTransaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ calendarGeneration: number }[]>`
      SELECT "calendarGeneration" FROM "Registration" WHERE id = ${id} FOR SHARE`;
    if (!row) throw new Error(`No registration ${id}`);
    return currentToken(tx, { id, calendarGeneration: row.calendarGeneration });
  });
}

/**
 * Ends every calendar address of the registration and makes the next one; returns its token.
 * `not_found` for an unknown manage token, `not_editable` for a cancelled or rejected registration.
 */
export async function rotateCalendarToken(manageToken: string): Promise<string> {
  return registrationTransaction(async (tx) => {
    const { id } = await lockByToken(tx, manageToken, { editable: true });
    await tx.accessToken.deleteMany({ where: { registrationId: id, purpose: "calendar" } });
    const registration = await tx.registration.update({
      where: { id },
      data: { calendarGeneration: { increment: 1 } },
      select: { id: true, calendarGeneration: true },
    });
    return currentToken(tx, registration);
  });
}
