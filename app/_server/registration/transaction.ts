import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { db, type Prisma } from "../db";
import { isWriteConflict } from "../database/errors";
import { deliverSoon } from "../mail/delivery";

/**
 * Waiting for a connection and for row locks during a rush takes seconds, not milliseconds: Prisma's
 * defaults (2 s, 5 s) would turn a queue into errors.
 */
const OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

const ATTEMPTS = 5;

/**
 * One registration change as one transaction. Changes lock registrations and sessions in an order that
 * depends on who cancels and who moves up, so PostgreSQL may end one of two crossing transactions to
 * break a deadlock; it is then run again from the start (nothing of it was written). Emails it queued
 * leave after the commit.
 */
export async function registrationTransaction<T>(
  run: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await db.$transaction(run, OPTIONS);
      deliverSoon();
      return result;
    } catch (error) {
      if (attempt >= ATTEMPTS || !isWriteConflict(error)) throw error;
      // A random pause, so that the two transactions do not meet again at the same moment.
      await sleep(attempt * (5 + Math.random() * 20));
    }
  }
}
