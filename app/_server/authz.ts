import "server-only";
import { redirect } from "next/navigation";
import { forbidden } from "next/navigation";
import { cache } from "react";
import { may, type Permission, type UserRole } from "@/app/_lib/roles";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { liveSession } from "./auth/sessions";
import { requestSessionId } from "./auth/session-cookie";
import { AppError } from "./errors";

/**
 * The signed-in organizer on whose behalf the domain acts, and the session they act in.
 * `secondFactorDue`: their role requires a second factor they have not set up; they may do nothing but that.
 */
export type Actor = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  sessionId?: string;
  secondFactorDue?: boolean;
};

/**
 * The organizer of this request, or null: no valid session cookie, a session that has ended (signed
 * out, past its lifetime, idle, ended by its owner or an admin, or by a password change, reset, role
 * change or disabling), or an account that is disabled. Read from the database on every request, never
 * from the cookie alone. Cached for the request.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  return liveSession(await requestSessionId());
});

/**
 * The check every domain mutation and query of the back office starts with: `unauthenticated` without
 * an actor, `forbidden` when the role lacks the permission or a required second factor is not set up.
 */
export function authorize(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  authorizeOwnAccount(actor);
  if (actor.secondFactorDue) throw new AppError("forbidden", "Set up two-factor sign-in first");
  if (!may(actor.role, permission)) throw new AppError("forbidden", `${actor.role} may not ${permission}`);
}

/**
 * For what every signed-in organizer does with their own account (sessions, password, second factor):
 * only a session is needed, also while a required second factor is still to be set up.
 */
export function authorizeOwnAccount(actor: Actor | null | undefined): asserts actor is Actor {
  if (!actor) throw new AppError("unauthenticated", "Sign in first");
}

/**
 * For back-office pages: the actor if they may, a redirect to the sign-in page (back here afterwards)
 * if nobody is signed in, a 403 page otherwise.
 */
export async function pageActor(locale: AppLocale, permission: Permission, path: string): Promise<Actor> {
  const actor = await ownAccountPageActor(locale, path);
  if (actor.secondFactorDue) redirect(`/${locale}${adminPaths.twoFactor}`);
  if (!may(actor.role, permission)) forbidden();
  return actor;
}

/** For the pages of one's own account: the actor, or a redirect to the sign-in page (back here afterwards). */
export async function ownAccountPageActor(locale: AppLocale, path: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/${locale}/admin/sign-in?callbackUrl=${encodeURIComponent(`/${locale}${path}`)}`);
  return actor;
}
