import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { validationMessage } from "@/app/_lib/registration/errors";
import type { ValidationKey } from "@/app/_lib/registration/fields";
import { env } from "./env";
import type { AppError, AppErrorCode } from "./errors";

/**
 * What the domain and the server actions read of a request: the sentence for a domain error and the
 * client's address. Answers (Response objects, statuses) are made under app/_http, the route layer.
 */

/** The sentence for each code, where the visitor should read one. */
const messageOf: Record<AppErrorCode, ValidationKey> = {
  not_found: "notFound",
  malformed: "malformed",
  too_large: "tooLarge",
  invalid: "summary",
  already_registered: "alreadyRegistered",
  registration_closed: "registrationClosed",
  not_editable: "notEditable",
  idempotency_conflict: "alreadySubmitted",
  rate_limited: "rateLimited",
  unauthenticated: "unauthenticated",
  forbidden: "forbidden",
  conflict: "conflict",
  unavailable: "unavailable",
};

/** What to tell a visitor about a domain error, in their language. */
export function errorSentence(error: AppError, locale: AppLocale): string {
  return validationMessage(messageOf[error.code], locale);
}

/** The one name every request shares when no address can be trusted. */
const ALL_CLIENTS = "unknown";

/**
 * The client's address for rate limits: the X-Forwarded-For entry `hops` from the right. Each proxy in
 * front of the app adds the address it sees at the right end, so the entries a client can write itself
 * are all to the left of those the trusted proxies wrote; with fewer entries than hops, the first is the
 * nearest to the client there is. Without the header (a test calling a handler directly) there is nothing
 * better than a shared name.
 *
 * Next.js fills X-Forwarded-For with the socket's address only when a request does not bring the header
 * (base-server.js, `??=`), and gives route handlers and actions no other view of the socket. So with
 * TRUSTED_PROXY_HOPS=0 the header is ignored and every request counts as the same client: nobody can
 * pick an address, at the price of one shared limit. And an app reachable without its proxy, with hops
 * ≥ 1, counts a client as whatever address that client sends (README, "Running several instances").
 */
export function clientAddress(headers: Headers, hops: number = env().TRUSTED_PROXY_HOPS): string {
  if (hops === 0) return ALL_CLIENTS;
  const entries =
    headers
      .get("x-forwarded-for")
      ?.split(",")
      .map((part) => part.trim())
      .filter(Boolean) ?? [];
  return entries.at(Math.max(entries.length - hops, 0)) ?? ALL_CLIENTS;
}
