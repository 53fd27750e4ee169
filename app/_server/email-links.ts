import "server-only";
// Each of these registers, as it loads, the minter of the links its emails carry (mail/links.ts). A
// server's own delivery runs (retries, emails queued before a restart) may start before any page has
// loaded them: instrumentation.ts loads this first.
import "./accounts/emails";
import "./mail/registration-emails";
