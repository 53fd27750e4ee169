import "server-only";

/**
 * Links minted when their email leaves. A link token in a queued email would be a live secret at rest:
 * a copy of the database, or a backup, would open what the link opens. So the stored bodies hold
 * LINK_TOKEN_PLACEHOLDER, and right before each attempt to send, deliverOutbox asks the minter that the
 * email's kind registered for a fresh token, of which only the domain's own table keeps the hash.
 *
 * The outbox knows no domain: each domain registers the kinds of its emails that carry such a link
 * (the delegates' manage link, an account's set-password link) when the module that queues them loads,
 * and app/_server/email-links.ts loads them all for the delivery that a server starts on its own.
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

// On globalThis: the server's start (instrumentation.ts) and its pages are bundled apart, and a delivery
// run started by one must find the minters that the other registered.
const registry = globalThis as unknown as { __linkMinters?: Map<string, LinkMinter> };
const minters = () => (registry.__linkMinters ??= new Map());

/** Registers the minter of the links in emails of these kinds. Registering again replaces (a reload). */
export function registerLinkMinter(kinds: readonly string[], minter: LinkMinter): void {
  for (const kind of kinds) minters().set(kind, minter);
}

export function linkMinterFor(kind: string): LinkMinter | undefined {
  return minters().get(kind);
}
