/**
 * Runs once when a server process starts. In embedded mode (no DATABASE_URL) the server owns its PGlite
 * folder, so it applies pending migrations itself and loads the alliance's facts (and, for `npm run demo`
 * only, the demo). With PostgreSQL, migrations are a deploy step (`npm run db:migrate`), never done by
 * each instance. Without an admin account, the server prints a one-time link to create one
 * (app/_server/startup.ts).
 * With SMTP_URL set, each instance also sends what waits in the outbox: retries, and emails queued
 * before a restart (new ones go out right after their commit). A SIGTERM lets the requests under way
 * finish and the outbox hand back its emails before the process exits (app/_server/shutdown.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First, so that a stop during the start-up below is already the app's (app/_server/shutdown.ts).
  const { stopOnSignals } = await import("./app/_server/shutdown");
  stopOnSignals();
  const { prepareDatabase } = await import("./app/_server/startup");
  await prepareDatabase();
  await import("./app/_server/email-links");
  const { startOutboxTimer } = await import("./app/_server/mail/delivery");
  startOutboxTimer();
}

/**
 * A page render that failed because PostgreSQL went away tells the availability probe at once, so that
 * the proxy answers the next page requests with 503 instead of waiting for its next probe
 * (app/_http/unavailable-page.ts). The failed render itself has already answered 500.
 */
export async function onRequestError(error: unknown): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { noteDatabaseFailure } = await import("./app/_server/database/availability");
  noteDatabaseFailure(error);
}
