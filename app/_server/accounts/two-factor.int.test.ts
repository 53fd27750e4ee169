/**
 * Setting up one's own second factor, recovery codes, replacing and turning it off, with the codes an
 * authenticator app would show (otpauth, from the secret the set-up hands out).
 */
import { Secret, TOTP, URI } from "otpauth";
import { describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { createActor, outcome } from "@/test/integration/actors";
import type { Actor } from "../authz";
import { hashPassword } from "../auth/passwords";
import { hashRecoveryCode } from "./second-factor";
import { liveSession, startSession } from "../auth/sessions";
import { signIn } from "./sign-in";
import { beginEnrolment, confirmEnrolment, newRecoveryCodes, turnOffTwoFactor } from "./two-factor";
import { ownTwoFactorStatus } from "./two-factor-queries";

const PASSWORD = "correct horse battery staple";
let nextAddress = 0;
const newAddress = () => `198.51.100.${(nextAddress++ % 250) + 1}`;

/** An organizer with a password and a session, acting in that session. */
async function signedInOrganizer(role: Actor["role"] = "organizer"): Promise<Actor> {
  const actor = await createActor(role, { passwordHash: await hashPassword(PASSWORD) });
  return { ...actor, sessionId: await startSession(actor.id, null) };
}

/** The app's code `steps` time steps from now (the server accepts one step either side). */
const codeOf = (totp: TOTP, steps = 0) => totp.generate({ timestamp: Date.now() + steps * 30_000 });

const signInWith = async (email: string, code?: string) =>
  (await signIn({ email, password: PASSWORD, code, clientAddress: newAddress() })).outcome;

/** Sets up a second factor; confirmed with the previous step's code, so that this step's and the next are still unused. */
async function enrol(actor: Actor): Promise<{ totp: TOTP; codes: string[] }> {
  const { secret } = await beginEnrolment(actor, { password: PASSWORD });
  const totp = new TOTP({ secret: Secret.fromBase32(secret) });
  return { totp, codes: await confirmEnrolment(actor, codeOf(totp, -1)) };
}

describe("setting up a second factor", () => {
  it("hands out an otpauth address to scan, takes only a right code, and the confirming code cannot sign in", async () => {
    const actor = await signedInOrganizer();
    const otherSession = await startSession(actor.id, null);
    const { uri, secret } = await beginEnrolment(actor, { password: PASSWORD });
    const parsed = URI.parse(uri) as TOTP;
    expect(parsed).toBeInstanceOf(TOTP);
    expect(parsed.label).toBe(actor.email);
    expect(parsed.issuer).toBe("Städteallianz");
    expect(parsed.secret.base32).toBe(secret);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // Not in force until confirmed: the password alone still signs in.
    expect(await signInWith(actor.email)).toBe("signed-in");

    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    const code = codeOf(totp);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(await outcome(confirmEnrolment(actor, wrong))).toBe("invalid");
    expect(await outcome(confirmEnrolment(actor, "12345"))).toBe("invalid");
    expect((await ownTwoFactorStatus(actor)).enabled).toBe(false);

    const codes = await confirmEnrolment(actor, ` ${code} `);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const recovery of codes) expect(recovery).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    const stored = await db.recoveryCode.findMany({ where: { userId: actor.id }, select: { hash: true } });
    const hashes = await Promise.all(codes.map((code) => hashRecoveryCode(actor.id, code)));
    expect(stored.map((row) => row.hash).sort()).toEqual(hashes.sort());
    const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
    expect(user.totpPending).toBeNull();
    expect(user.totpSecret).not.toContain(secret);
    expect(user.totpEnabledAt).not.toBeNull();

    // This browser stays signed in; every other session of the account has ended.
    expect(await liveSession(actor.sessionId)).not.toBeNull();
    expect(await liveSession(otherSession)).toBeNull();

    expect(await signInWith(actor.email)).toBe("second-factor");
    expect(await signInWith(actor.email, code)).toBe("refused");
    expect(await signInWith(actor.email, codeOf(totp, 1))).toBe("signed-in");

    const audit = await db.auditEntry.findMany({
      where: { entityId: actor.id, action: "user.two_factor_enabled" },
    });
    expect(audit).toHaveLength(1);
    const logged = JSON.stringify(audit);
    for (const secretPart of [secret, user.totpSecret!, code, ...codes, ...hashes])
      expect(logged).not.toContain(secretPart);
  });

  it("begins only for the account's password, and a set-up left for 15 minutes cannot be finished", async () => {
    const actor = await signedInOrganizer();
    // A session found open on someone else's computer is not enough to tie the account to another phone.
    expect(await outcome(beginEnrolment(actor, {}))).toBe("invalid");
    expect(await outcome(beginEnrolment(actor, { password: "not the password at all" }))).toBe("invalid");
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.id } })).totpPending).toBeNull();

    const begun = new Date(Date.now() - 16 * 60_000);
    const { secret } = await beginEnrolment(actor, { password: PASSWORD }, begun);
    expect((await ownTwoFactorStatus(actor)).pending).toBeNull();
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    expect(await outcome(confirmEnrolment(actor, codeOf(totp)))).toBe("invalid");
    expect((await ownTwoFactorStatus(actor)).enabled).toBe(false);
  });

  it("shows the set-up begun until it is confirmed, and the status afterwards", async () => {
    const actor = await signedInOrganizer();
    expect(await ownTwoFactorStatus(actor)).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
      required: false,
      pending: null,
    });
    const enrolment = await beginEnrolment(actor, { password: PASSWORD });
    expect((await ownTwoFactorStatus(actor)).pending).toEqual({
      ...enrolment,
      qrSvg: expect.stringContaining("<svg"),
    });
    await confirmEnrolment(actor, codeOf(new TOTP({ secret: Secret.fromBase32(enrolment.secret) })));
    expect(await ownTwoFactorStatus(actor)).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
      pending: null,
    });
    expect(await outcome(confirmEnrolment(actor, "000000"))).toBe("invalid");
  });

  it("needs nothing but a session, also while the role requires a second factor not yet set up", async () => {
    await db.rolePolicy.create({ data: { role: "checkin", requireTwoFactor: true } });
    try {
      const actor = await signedInOrganizer("checkin");
      const due = (await liveSession(actor.sessionId))!;
      expect(due.secondFactorDue).toBe(true);
      await enrol(due);
      expect((await liveSession(actor.sessionId))!.secondFactorDue).toBe(false);
    } finally {
      await db.rolePolicy.delete({ where: { role: "checkin" } });
    }
    expect(await outcome(beginEnrolment(null, {}))).toBe("unauthenticated");
    expect(await outcome(confirmEnrolment(null, "123456"))).toBe("unauthenticated");
  });

  it("bounds wrong codes: five in 15 minutes per account", async () => {
    const actor = await signedInOrganizer();
    const totp = new TOTP({
      secret: Secret.fromBase32((await beginEnrolment(actor, { password: PASSWORD })).secret),
    });
    const right = [-1, 0, 1].map((steps) => codeOf(totp, steps));
    const wrong = Array.from({ length: 20 }, (_, n) => String(n).padStart(6, "0")).filter(
      (code) => !right.includes(code),
    );
    const outcomes = [];
    for (const code of wrong.slice(0, 6)) outcomes.push(await outcome(confirmEnrolment(actor, code)));
    expect(outcomes).toEqual(["invalid", "invalid", "invalid", "invalid", "invalid", "rate_limited"]);
    expect(await outcome(confirmEnrolment(actor, codeOf(totp)))).toBe("rate_limited");
  });
});

describe("recovery codes", () => {
  it("each signs in once, typed in any case and with or without its dash", async () => {
    const actor = await signedInOrganizer();
    const { codes } = await enrol(actor);
    expect(await signInWith(actor.email, codes[0]!.toUpperCase())).toBe("signed-in");
    expect(await signInWith(actor.email, codes[0])).toBe("refused");
    for (const code of codes.slice(1))
      expect(await signInWith(actor.email, code.replace("-", ""))).toBe("signed-in");
    expect(await db.recoveryCode.count({ where: { userId: actor.id, usedAt: null } })).toBe(0);
  });

  it("are replaced by ten new ones for a current code; the old ones stop working", async () => {
    const actor = await signedInOrganizer();
    const { totp, codes: old } = await enrol(actor);
    expect(await outcome(newRecoveryCodes(actor, ""))).toBe("invalid");
    expect(await outcome(newRecoveryCodes(actor, "000000"))).toBe("invalid");
    const codes = await newRecoveryCodes(actor, codeOf(totp));
    expect(codes).toHaveLength(10);
    expect(codes.filter((code) => old.includes(code))).toEqual([]);
    expect(await signInWith(actor.email, old[0])).toBe("refused");
    expect(await signInWith(actor.email, codes[0])).toBe("signed-in");
    // A recovery code proves the factor too (the phone is lost), and is used up by it.
    const again = await newRecoveryCodes(actor, codes[1]!);
    expect(await db.recoveryCode.count({ where: { userId: actor.id } })).toBe(10);
    expect(await signInWith(actor.email, again[0])).toBe("signed-in");
    expect(
      await db.auditEntry.count({ where: { entityId: actor.id, action: "user.recovery_codes_renewed" } }),
    ).toBe(2);
  });

  it("are only for an account that has a second factor", async () => {
    const actor = await signedInOrganizer();
    expect(await outcome(newRecoveryCodes(actor, "123456"))).toBe("invalid");
  });
});

describe("replacing and turning off", () => {
  it("replaces the factor only for a current code; the old one signs in until the new one is confirmed", async () => {
    const actor = await signedInOrganizer();
    const { totp: old, codes } = await enrol(actor);
    const before = (await db.user.findUniqueOrThrow({ where: { id: actor.id } })).totpSecret;
    // The password is not enough to move the factor, nor a recovery code; a current code of the app is.
    expect(await outcome(beginEnrolment(actor, { password: PASSWORD }))).toBe("invalid");
    expect(await outcome(beginEnrolment(actor, { code: "000000" }))).toBe("invalid");
    expect(await outcome(beginEnrolment(actor, { code: codes[0] }))).toBe("invalid");
    const { secret } = await beginEnrolment(actor, { code: codeOf(old) });
    expect(await signInWith(actor.email, codeOf(old, 1))).toBe("signed-in");
    const next = new TOTP({ secret: Secret.fromBase32(secret) });
    await confirmEnrolment(actor, codeOf(next));
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.id } })).totpSecret).not.toBe(before);
    expect(await signInWith(actor.email, codeOf(next, 1))).toBe("signed-in");
  });

  it("turns it off for a current code, and then the password alone signs in", async () => {
    const actor = await signedInOrganizer();
    const { totp } = await enrol(actor);
    expect(await outcome(turnOffTwoFactor(actor, "000000"))).toBe("invalid");
    await turnOffTwoFactor(actor, codeOf(totp));
    const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
    expect([user.totpSecret, user.totpPending, user.totpLastStep, user.totpEnabledAt]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(await db.recoveryCode.count({ where: { userId: actor.id } })).toBe(0);
    expect(await signInWith(actor.email)).toBe("signed-in");
    expect(
      await db.auditEntry.count({ where: { entityId: actor.id, action: "user.two_factor_disabled" } }),
    ).toBe(1);
    expect(await outcome(turnOffTwoFactor(actor, codeOf(totp, 1)))).toBe("invalid");
  });

  it("refuses to turn it off while the role requires it", async () => {
    const actor = await signedInOrganizer("checkin");
    const { totp } = await enrol(actor);
    await db.rolePolicy.create({ data: { role: "checkin", requireTwoFactor: true } });
    try {
      const refused = await turnOffTwoFactor(actor, codeOf(totp)).catch((error: unknown) => error);
      expect(refused).toMatchObject({
        code: "invalid",
        details: { fields: { code: { key: "twoFactorRequiredForRole" } } },
      });
      expect(await db.user.count({ where: { id: actor.id, totpSecret: { not: null } } })).toBe(1);
    } finally {
      await db.rolePolicy.delete({ where: { role: "checkin" } });
    }
  });
});
