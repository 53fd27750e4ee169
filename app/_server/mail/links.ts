import "server-only";

/**
 * Links minted when their email leaves. A link token in a queued email would be a live secret at rest:
 * a copy of the database, or a backup, would open what the link opens. So the stored bodies hold
 * LINK_TOKEN_PLACEHOLDER, and right before each attempt to send, deliverOutbox asks the minter that the
 * email's kind registered (kinds.ts: the delegates' manage link, an account's set-password link) for a
 * fresh token, of which only the domain's own table keeps the hash.
 */

/** Stands in the stored subject and bodies where the minted token goes. */
export const LINK_TOKEN_PLACEHOLDER = "{{linkToken}}";

/** What a minter learns of the email it mints for. */
export type LinkedEmail = {
  id: string;
  kind: string;
  registrationId: string | null;
  toAddress: string;
  createdAt: Date;
};

/** A fresh token; `revoke` ends it when the attempt to send it failed (no one can tell it arrived). */
export type MintedLink = { token: string; revoke: () => Promise<void> };

/**
 * The email must not leave: what the link was for no longer holds (the registration is gone, the account
 * was disabled or has a password since). `reason` is kept as the email's last error, for the organizers.
 */
export type RefusedLink = { refused: string };

export type LinkMinter = (email: LinkedEmail) => Promise<MintedLink | RefusedLink>;
