import "server-only";
import { MESSAGE_EMAIL_KIND, MESSAGE_TEST_EMAIL_KIND } from "@/app/_lib/delegate-message";
import { registerEmailKinds } from "../../mail/kinds";
import { mintManageLink } from "../../registration/emails/links";
import { composeStoredMessage } from "./drafts";

// As this module loads (send.ts imports it, and email-links.ts at a server's start): a process that
// queues these emails can always send them. The delegates' emails are paced (MAIL_RATE_PER_MINUTE), and
// their manage link is minted as each leaves, like a registration email's; the organizer's test has
// no link to mint (its manage link shows the outbox's neutral mark) and leaves at once.
registerEmailKinds([MESSAGE_EMAIL_KIND], {
  compose: composeStoredMessage,
  mintLink: mintManageLink,
  paced: true,
});
registerEmailKinds([MESSAGE_TEST_EMAIL_KIND], { compose: composeStoredMessage });
