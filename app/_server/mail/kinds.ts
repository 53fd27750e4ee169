import "server-only";
import type { LinkMinter } from "./links";
import type { Attachment } from "./outbox";

/**
 * The outbox is a mechanism: it knows the domains that queue emails only through what they register here
 * for the kinds of their emails ("<area>.<what>"), when the module that queues them loads.
 * app/_server/email-links.ts loads them all for the delivery that a server starts on its own.
 */

/** An email's bodies and attachments as they leave; the bodies may hold LINK_TOKEN_PLACEHOLDER (links.ts). */
export type ComposedEmail = { text: string; html: string; attachments: Attachment[] };

export type EmailKind = {
  /**
   * Mints the link of an email queued with `withManageLink`, right before each attempt to send it
   * (links.ts). Required for such emails.
   */
  mintLink?: LinkMinter;
  /**
   * Composes an email queued as a draft (NewEmail's `draft`), when it is sent or looked at: a draft
   * stored by any earlier release of the domain's code, so it reads every shape it ever wrote, and throws
   * on one it cannot read (that email alone then fails). Required for such emails.
   */
  compose?: (draft: unknown) => Promise<ComposedEmail>;
  /**
   * Emails of this kind leave at most MAIL_RATE_PER_MINUTE a minute (delivery.ts): messages to many
   * delegates at once, which a mail server would otherwise take as a flood. Emails of other kinds are
   * never held back by them.
   */
  paced?: boolean;
};

// On globalThis: the server's start (instrumentation.ts) and its pages are bundled apart, and a delivery
// run started by one must find the kinds that the other registered.
const registry = globalThis as unknown as { __outboxEmailKinds?: Map<string, EmailKind> };
const kinds = () => (registry.__outboxEmailKinds ??= new Map());

/** Registers what the outbox needs for emails of these kinds. Registering again replaces (a reload). */
export function registerEmailKinds(names: readonly string[], kind: EmailKind): void {
  for (const name of names) kinds().set(name, kind);
}

/** What the kind registered; nothing when the module that queues its emails was not loaded in this process. */
export function emailKind(name: string): EmailKind {
  return kinds().get(name) ?? {};
}

/** The kinds whose emails leave at a steady rate (EmailKind's `paced`). */
export function pacedEmailKinds(): string[] {
  return [...kinds()].filter(([, kind]) => kind.paced).map(([name]) => name);
}
