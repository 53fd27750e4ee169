import "server-only";
import { lockByToken } from "./manage";
import { issueAccessToken } from "../registration/tokens";
import { registrationTransaction } from "../registration/transaction";

/**
 * The delegate's personal calendar link, managed from the manage page. There is at most one: a new link
 * replaces the old ones at once, so a link that was shared by mistake stops working when rotated.
 */

/** Where a calendar token opens the delegate's feed (the path; callers add PUBLIC_URL and `?lang=`). */
export function personalFeedPath(token: string): string {
  return `/calendar/personal/${token}.ics`;
}

/**
 * Revokes the registration's calendar links and issues a new one; returns the raw token, which is shown
 * once (only its hash is stored). `not_found` for an unknown manage token, `not_editable` for a cancelled
 * or rejected registration.
 */
export async function rotateCalendarToken(manageToken: string): Promise<string> {
  return registrationTransaction(async (tx) => {
    const registration = await lockByToken(tx, manageToken, { editable: true });
    await tx.accessToken.deleteMany({ where: { registrationId: registration.id, purpose: "calendar" } });
    return issueAccessToken(tx, registration.id, "calendar");
  });
}
