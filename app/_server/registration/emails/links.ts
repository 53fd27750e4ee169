import "server-only";
import { db } from "../../db";
import type { LinkMinter } from "../../mail/links";
import { hashToken, newToken } from "../../security/tokens";

/**
 * The delegate's manage link in a registration email: a fresh manage token for each attempt to send, its
 * hash stored first so that the link works the moment the email arrives. Each email carries its own
 * link; earlier ones stay valid (registration/tokens.ts).
 */
export const mintManageLink: LinkMinter = async ({ registrationId }) => {
  // queueRegistrationEmail always names the registration; without one there is no link to give.
  if (!registrationId) return { refused: "No registration for the manage link" };
  const token = newToken();
  const hash = hashToken(token);
  try {
    await db.accessToken.create({
      data: { hash, registrationId, purpose: "manage" },
      select: { hash: true },
    });
  } catch (error) {
    // Deleted since the claim: its emails went with it (ON DELETE CASCADE), this one too.
    if ((await db.registration.count({ where: { id: registrationId } })) === 0)
      return { refused: "No registration for the manage link" };
    throw error;
  }
  return { token, revoke: async () => void (await db.accessToken.deleteMany({ where: { hash } })) };
};
