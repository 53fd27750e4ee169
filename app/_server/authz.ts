import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { forbidden } from "next/navigation";
import { cache } from "react";
import { may, type Permission, type UserRole } from "@/app/_lib/roles";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { authOptions, type SessionClaims } from "./auth/options";
import { db } from "./db";
import { AppError } from "./errors";

/** The signed-in organizer on whose behalf the domain acts. */
export type Actor = { id: string; email: string; name: string; role: UserRole };

/**
 * The organizer of this request, or null: no valid session cookie, an account that is gone or disabled,
 * or a session from before a password reset. Read from the database on every request, never from the
 * cookie alone. Cached for the request.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(await authOptions())) as (Partial<SessionClaims> & object) | null;
  if (!session?.userId) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true },
  });
  if (!user || user.disabledAt || user.sessionVersion !== (session.sessionVersion ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/**
 * The check every domain mutation and query of the back office starts with: `unauthenticated` without
 * an actor, `forbidden` when the role lacks the permission.
 */
export function authorize(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("unauthenticated", "Sign in first");
  if (!may(actor.role, permission)) throw new AppError("forbidden", `${actor.role} may not ${permission}`);
}

/**
 * For back-office pages: the actor if they may, a redirect to the sign-in page (back here afterwards)
 * if nobody is signed in, a 403 page otherwise.
 */
export async function pageActor(locale: AppLocale, permission: Permission, path: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/${locale}/admin/sign-in?callbackUrl=${encodeURIComponent(`/${locale}${path}`)}`);
  if (!may(actor.role, permission)) forbidden();
  return actor;
}
