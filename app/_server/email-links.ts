import "server-only";
// Each of these registers, as it loads, what the outbox needs for the kinds of its emails (mail/kinds.ts:
// link minters, composers). A server's own delivery runs (retries, emails queued before a restart) may
// start before any page has loaded them: instrumentation.ts loads this first.
import "./accounts/emails";
import "./registration/emails/kinds";
import "./registration/emails/session-notice/kind";
import "./desk/messages/kinds";
