/**
 * The admins' side of second factors: resetting an organizer's, requiring one by role, and what the
 * accounts page reads. Organizers and check-in accounts may do none of it.
 */
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { userRoles } from "@/app/_lib/roles";
import { db } from "@/app/_server/db";
import { createActor, outcome } from "@/test/integration/actors";
import type { Actor } from "../authz";
import { hashPassword } from "../auth/passwords";
import { liveSession, startSession } from "../auth/sessions";
import { beginEnrolment, confirmEnrolment } from "./two-factor";
import { resetTwoFactor, setRolePolicy } from "./two-factor-admin";
import { accountsWithTwoFactor, rolePolicies } from "./two-factor-queries";

const PASSWORD = "correct horse battery staple";

async function withSession(role: Actor["role"]): Promise<Actor> {
  const actor = await createActor(role, { passwordHash: await hashPassword(PASSWORD) });
  return { ...actor, sessionId: await startSession(actor.id, null) };
}

async function enrol(actor: Actor): Promise<void> {
  const { secret } = await beginEnrolment(actor, { password: PASSWORD });
  await confirmEnrolment(actor, new TOTP({ secret: Secret.fromBase32(secret) }).generate());
}

describe("resetting an account's second factor", () => {
  it("removes it with the recovery codes, ends every session of the account, and is audited", async () => {
    const admin = await withSession("admin");
    const organizer = await withSession("organizer");
    await enrol(organizer);
    const elsewhere = await startSession(organizer.id, null);
    expect(await accountsWithTwoFactor(admin)).toContain(organizer.id);

    await resetTwoFactor(admin, organizer.id);
    const user = await db.user.findUniqueOrThrow({ where: { id: organizer.id } });
    expect([user.totpSecret, user.totpPending, user.totpLastStep, user.totpEnabledAt]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(await db.recoveryCode.count({ where: { userId: organizer.id } })).toBe(0);
    expect(await liveSession(organizer.sessionId)).toBeNull();
    expect(await liveSession(elsewhere)).toBeNull();
    expect(await accountsWithTwoFactor(admin)).not.toContain(organizer.id);

    const entry = await db.auditEntry.findFirstOrThrow({
      where: { entityId: organizer.id, action: "user.two_factor_reset" },
    });
    expect(entry).toMatchObject({
      actorId: admin.id,
      before: { recoveryCodes: 10, sessions: 2 },
      after: { twoFactorSince: null },
    });
  });

  it("is for admins only, and not for their own account", async () => {
    const admin = await withSession("admin");
    await enrol(admin);
    const target = await withSession("organizer");
    await enrol(target);
    for (const role of ["organizer", "checkin"] as const) {
      expect(await outcome(resetTwoFactor(await createActor(role), target.id)), role).toBe("forbidden");
    }
    expect(await outcome(resetTwoFactor(null, target.id))).toBe("unauthenticated");
    expect(await outcome(resetTwoFactor(admin, admin.id))).toBe("invalid");
    expect(await outcome(resetTwoFactor(admin, "not an id"))).toBe("not_found");
    expect(
      await db.user.count({ where: { id: { in: [admin.id, target.id] }, totpSecret: { not: null } } }),
    ).toBe(2);
  });
});

describe("requiring a second factor by role", () => {
  it("sends the role's accounts without one to set it up, and is audited", async () => {
    const admin = await withSession("admin");
    const desk = await withSession("checkin");
    expect(await rolePolicies(admin)).toEqual({ admin: false, organizer: false, checkin: false });

    await setRolePolicy(admin, "checkin", true);
    expect(await rolePolicies(admin)).toEqual({ admin: false, organizer: false, checkin: true });
    expect(await liveSession(desk.sessionId)).toMatchObject({ secondFactorDue: true });
    // Saving the same again changes nothing and records nothing.
    await setRolePolicy(admin, "checkin", true);
    expect(await db.auditEntry.count({ where: { action: "role_policy.update", entityId: "checkin" } })).toBe(
      1,
    );

    await enrol(desk);
    expect(await liveSession(desk.sessionId)).toMatchObject({ secondFactorDue: false });

    await setRolePolicy(admin, "checkin", false);
    expect((await rolePolicies(admin)).checkin).toBe(false);
    const entries = await db.auditEntry.findMany({
      where: { action: "role_policy.update", entityId: "checkin" },
    });
    // Both within the same millisecond, perhaps: compared as a set.
    expect(entries.map((entry) => entry.after)).toHaveLength(2);
    expect(entries.map((entry) => entry.after)).toEqual(
      expect.arrayContaining([{ requireTwoFactor: true }, { requireTwoFactor: false }]),
    );
  });

  it("requires it for admins only from an admin who has one", async () => {
    const admin = await withSession("admin");
    const refused = await setRolePolicy(admin, "admin", true).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: "invalid",
      details: { fields: { admin: { key: "twoFactorAdminFirst" } } },
    });
    await enrol(admin);
    await setRolePolicy(admin, "admin", true);
    const other = await withSession("admin");
    expect(await liveSession(other.sessionId)).toMatchObject({ secondFactorDue: true });
    expect(await liveSession(admin.sessionId)).toMatchObject({ secondFactorDue: false });
    await setRolePolicy(admin, "admin", false);
  });

  it("is for admins only, and so is reading it", async () => {
    for (const role of ["organizer", "checkin"] as const) {
      const actor = await createActor(role);
      for (const target of userRoles)
        expect(await outcome(setRolePolicy(actor, target, true)), `${role} → ${target}`).toBe("forbidden");
      expect(await outcome(rolePolicies(actor))).toBe("forbidden");
      expect(await outcome(accountsWithTwoFactor(actor))).toBe("forbidden");
    }
    expect(await outcome(setRolePolicy(null, "checkin", true))).toBe("unauthenticated");
    expect(await db.rolePolicy.count({ where: { requireTwoFactor: true } })).toBe(0);
  });

  it("keeps an admin whose own second factor is due from changing anything until it is set up", async () => {
    const admin = await withSession("admin");
    const due = { ...(await liveSession(admin.sessionId))!, secondFactorDue: true };
    expect(await outcome(setRolePolicy(due, "checkin", true))).toBe("forbidden");
    expect(await outcome(resetTwoFactor(due, (await createActor("organizer")).id))).toBe("forbidden");
  });
});
