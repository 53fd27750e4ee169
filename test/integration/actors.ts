/**
 * Organizer accounts for integration tests: each call makes a new user with a unique address and returns
 * it as the domain's `Actor`. `roleMatrix` lists the actors every back-office mutation is tried with.
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
