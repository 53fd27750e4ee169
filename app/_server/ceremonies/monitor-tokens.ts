import "server-only";
import { z } from "zod";
import { RECORD_ID } from "@/app/_lib/ids";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { db } from "../db";
import { env } from "../env";
import { invalid, notFound } from "../errors";
import { announce } from "../live/bus";
import { hashToken, newToken, TOKEN_SHAPE } from "../security/tokens";
import type { CeremonyRef, Tx } from "./records";

/**
 * Links to a ceremony's confidence monitor (`/{locale}/live/{token}`): read-only, for a laptop facing the
 * stage where nobody signs in. 256 random bits, of which the database keeps only the hash, shown once
 * when made. Revoking one closes the monitors that have it open, on every instance.
 */

export type MonitorLink = {
  id: string;
  label: string;
  createdAt: Date;
  revokedAt: Date | null;
};

/** The ceremony of the back office's address (its calendar is untouched: a link changes no event). */
async function ceremonyOf(tx: Tx, ref: CeremonyRef): Promise<{ id: string; meetingId: string }> {
  const row = RECORD_ID.test(ref.sessionId)
    ? await tx.session.findFirst({
        where: { id: ref.sessionId, kind: "ceremony", meeting: { slug: ref.meetingSlug } },
        select: { id: true, meetingId: true },
      })
    : null;
  if (!row) throw notFound("Ceremony");
  return row;
}

const labelInput = z.string().trim().min(1).max(80);

/** A new link for the ceremony's monitor: its token, shown this once. */
export async function createMonitorToken(
  actor: Actor | null,
  ref: CeremonyRef,
  label: unknown,
): Promise<{ id: string; token: string }> {
  authorize(actor, "editProgram");
  const parsed = labelInput.safeParse(label);
  if (!parsed.success) throw invalid({ label: { key: "required" } });
  const token = newToken();
  return db.$transaction(async (tx) => {
    const ceremony = await ceremonyOf(tx, ref);
    const row = await tx.monitorToken.create({
      data: {
        sessionId: ceremony.id,
        tokenHash: hashToken(token),
        label: parsed.data,
        createdById: actor.id,
      },
      select: { id: true, label: true },
    });
    await recordAudit(tx, actor, {
      action: "monitorToken.create",
      entity: "MonitorToken",
      entityId: row.id,
      meetingId: ceremony.meetingId,
      after: { sessionId: ceremony.id, label: row.label },
    });
    return { id: row.id, token };
  });
}

/** The ceremony's monitor links, newest first, revoked ones too. */
export async function listMonitorTokens(actor: Actor | null, ref: CeremonyRef): Promise<MonitorLink[]> {
  authorize(actor, "editProgram");
  if (!RECORD_ID.test(ref.sessionId)) throw notFound("Ceremony");
  return db.monitorToken.findMany({
    where: { sessionId: ref.sessionId, session: { kind: "ceremony", meeting: { slug: ref.meetingSlug } } },
    orderBy: { createdAt: "desc" },
    select: { id: true, label: true, createdAt: true, revokedAt: true },
  });
}

/** Revokes a link; monitors showing it close. Revoking one already revoked changes nothing. */
export async function revokeMonitorToken(
  actor: Actor | null,
  ref: CeremonyRef,
  tokenId: string,
): Promise<void> {
  authorize(actor, "editProgram");
  await db.$transaction(async (tx) => {
    const ceremony = await ceremonyOf(tx, ref);
    const row = RECORD_ID.test(tokenId)
      ? await tx.monitorToken.findFirst({ where: { id: tokenId, sessionId: ceremony.id } })
      : null;
    if (!row) throw notFound("Monitor link");
    if (row.revokedAt) return;
    const revokedAt = new Date();
    await tx.monitorToken.update({ where: { id: row.id }, data: { revokedAt } });
    await recordAudit(tx, actor, {
      action: "monitorToken.revoke",
      entity: "MonitorToken",
      entityId: row.id,
      meetingId: ceremony.meetingId,
      before: { sessionId: ceremony.id, label: row.label, revokedAt: null },
      after: { sessionId: ceremony.id, label: row.label, revokedAt },
    });
    await announce(tx, ceremony.id, "links");
  });
}

/** The monitor page a token opens, as the stage laptop reaches it (PUBLIC_URL, never the request's Host). */
export function monitorUrl(token: string, locale: AppLocale): string {
  return `${env().PUBLIC_URL}/${locale}/live/${token}`;
}

/** The link a monitor opened with, or `not_found` for an unknown or revoked one. */
export async function monitorTokenOf(token: string): Promise<{ id: string; sessionId: string }> {
  const row = TOKEN_SHAPE.test(token)
    ? await db.monitorToken.findUnique({
        where: { tokenHash: hashToken(token) },
        select: { id: true, sessionId: true, revokedAt: true },
      })
    : null;
  if (!row || row.revokedAt) throw notFound("Monitor link");
  return { id: row.id, sessionId: row.sessionId };
}
