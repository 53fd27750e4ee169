/**
 * Organizer accounts for integration tests: each call makes a new user with a unique address and returns
 * it as the domain's `Actor`. `roleOutcomes` tries a back-office mutation as nobody and as each role.
 */
import { randomUUID } from "node:crypto";
import type { Actor } from "@/app/_server/authz";
import type { UserRole } from "@/app/_lib/roles";

export async function createActor(
  role: UserRole,
  options: { disabled?: boolean; passwordHash?: string } = {},
): Promise<Actor> {
  const { db } = await import("@/app/_server/db");
  const user = await db.user.create({
    data: {
      email: `${role}-${randomUUID()}@test.example`,
      name: `Test ${role}`,
      role,
      passwordHash: options.passwordHash ?? null,
      disabledAt: options.disabled ? new Date() : null,
    },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Asserting helpers: the AppError code a promise rejects with, or "ok". */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string") return code;
    throw error;
  }
}

/** One actor of each back-office role. */
export async function createRoleActors(): Promise<Record<"checkin" | "organizer" | "admin", Actor>> {
  const [checkin, organizer, admin] = await Promise.all([
    createActor("checkin"),
    createActor("organizer"),
    createActor("admin"),
  ]);
  return { checkin, organizer, admin };
}

/** The outcomes of `run` without an actor, then as check-in staff, an organizer and an admin. */
export async function roleOutcomes(
  actors: Record<"checkin" | "organizer" | "admin", Actor>,
  run: (actor: Actor | null) => Promise<unknown>,
): Promise<string[]> {
  return [
    await outcome(run(null)),
    await outcome(run(actors.checkin)),
    await outcome(run(actors.organizer)),
    await outcome(run(actors.admin)),
  ];
}

/** What `roleOutcomes` gives for a change of the program (`editProgram`): organizers and admins only. */
export const PROGRAM_EDITORS = ["unauthenticated", "forbidden", "ok", "ok"];

/** What `roleOutcomes` gives for deleting a record of the program: the organizer deletes it, the admin finds it gone. */
export const DELETED_BY_ORGANIZER = ["unauthenticated", "forbidden", "ok", "not_found"];

/** The newest audit entry about a record. */
export async function lastAudit(entityId: string) {
  const { db } = await import("@/app/_server/db");
  return db.auditEntry.findFirstOrThrow({ where: { entityId }, orderBy: { at: "desc" } });
}
