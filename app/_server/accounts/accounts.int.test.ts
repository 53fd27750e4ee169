import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { UserRole } from "@/app/_lib/roles";
import type { Actor } from "@/app/_server/authz";
import { db } from "@/app/_server/db";
import { LINK_TOKEN_PLACEHOLDER } from "@/app/_server/mail/links";
import { hashToken } from "@/app/_server/security/tokens";
import { createActor, outcome } from "@/test/integration/actors";
import { hashPassword } from "../auth/passwords";
import { createAdmin } from "./create-admin";
import { disableUser, enableUser, inviteUser, resetPassword, setUserRole } from "./mutations";
import { listAccounts, passwordLinkAccount } from "./queries";
import { setPasswordWithToken } from "./set-password";
import { signIn } from "./sign-in";
import { refusal } from "@/test/integration/refusal";

const PASSWORD = "correct horse battery staple";

const address = () => `person-${randomUUID().slice(0, 8)}@test.example`;
const tokenOf = (link: string) => link.split("/").at(-1)!;
/** Each test signs in from its own client address, so that the per-address limit never spills over. */
const client = () => `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
/** What a sign-in with email and password comes to ("signed-in", "refused", "disabled", …). */
const signInOutcome = async (email: string, password: string) =>
  (await signIn({ email, password, clientAddress: client() })).outcome;
/** A session of the account, as a sign-in starts it. */
const sessionOf = async (userId: string) =>
  (
    await db.userSession.create({
      data: { id: randomUUID(), userId, expiresAt: new Date(Date.now() + 3600_000), userAgent: "test" },
    })
  ).id;
const sessionsOf = (userId: string) => db.userSession.count({ where: { userId } });

async function fieldKey(promise: Promise<unknown>, field: string): Promise<string | undefined> {
  return (await refusal(promise)).details.fields?.[field]?.key;
}

async function invited(admin: Actor, role: UserRole = "organizer", locale: "de" | "en" | "zh" = "de") {
  const email = address();
  const { userId, link } = await inviteUser(admin, { email, name: "Anna Schmidt", role }, locale);
  return { email, userId, link, token: tokenOf(link) };
}

async function withPassword(admin: Actor, role: UserRole = "organizer") {
  const account = await invited(admin, role);
  await setPasswordWithToken(account.token, PASSWORD, PASSWORD);
  return account;
}

async function auditOf(userId: string, action: string) {
  return db.auditEntry.findFirstOrThrow({
    where: { entity: "User", entityId: userId, action },
    orderBy: { at: "desc" },
  });
}

describe("who may manage accounts", () => {
  it.each([
    [
      "inviteUser",
      (actor: Actor | null) =>
        inviteUser(actor, { email: address(), name: "Max Muster", role: "checkin" }, "de"),
    ],
    [
      "resetPassword",
      async (actor: Actor | null) => resetPassword(actor, (await createActor("checkin")).id, "de"),
    ],
    [
      "setUserRole",
      async (actor: Actor | null) => setUserRole(actor, (await createActor("checkin")).id, "organizer"),
    ],
    ["disableUser", async (actor: Actor | null) => disableUser(actor, (await createActor("checkin")).id)],
    [
      "enableUser",
      async (actor: Actor | null) => enableUser(actor, (await createActor("checkin", { disabled: true })).id),
    ],
    ["listAccounts", (actor: Actor | null) => listAccounts(actor)],
  ] as const)("%s: anonymous, check-in and organizer are refused, admin may", async (_name, run) => {
    expect(await outcome(run(null))).toBe("unauthenticated");
    expect(await outcome(run(await createActor("checkin")))).toBe("forbidden");
    expect(await outcome(run(await createActor("organizer")))).toBe("forbidden");
    expect(await outcome(run(await createActor("admin")))).toBe("ok");
  });
});

describe("inviting", () => {
  it("creates the account without a password, stores only the token's hash and queues the email in the admin's language", async () => {
    const admin = await createActor("admin");
    const email = `Mixed.Case-${randomUUID().slice(0, 8)}@Test.Example`;
    const { userId, link } = await inviteUser(admin, { email, name: " Li Na ", role: "organizer" }, "zh");
    expect(link).toMatch(/^http:\/\/localhost:3000\/zh\/admin\/password\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link);

    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({
      email: email.toLowerCase(),
      name: "Li Na",
      role: "organizer",
      passwordHash: null,
      disabledAt: null,
    });
    const [stored] = await db.userToken.findMany({ where: { userId } });
    expect(stored).toMatchObject({ hash: hashToken(token), purpose: "invite" });
    expect(stored!.hash).not.toBe(token);
    const lifetime = stored!.expiresAt.getTime() - stored!.createdAt.getTime();
    expect(Math.abs(lifetime - 7 * 24 * 3600_000)).toBeLessThan(60_000);
    // The raw token is nowhere but in the link shown to the admin: not in the email either, whose own
    // link is minted when it leaves (password-links.int.test.ts).
    const tables = JSON.stringify([
      await db.user.findMany(),
      await db.userToken.findMany(),
      await db.auditEntry.findMany(),
      await db.outboxEmail.findMany(),
    ]);
    expect(tables).not.toContain(token);
    expect(await passwordLinkAccount(token)).toEqual({ email: email.toLowerCase(), name: "Li Na" });

    const [mail] = await db.outboxEmail.findMany({ where: { toAddress: email.toLowerCase() } });
    expect(mail).toMatchObject({
      kind: "account.invitation",
      registrationId: null,
      withManageLink: true,
      status: "queued",
      subject: "您的年会组织后台账户",
    });
    const placeholderLink = `http://localhost:3000/zh/admin/password/${LINK_TOKEN_PLACEHOLDER}`;
    expect(mail!.text).toContain(placeholderLink);
    expect(mail!.text).toContain("组织");
    expect(mail!.html).toContain(`href="${placeholderLink}"`);
    expect(mail!.html).toContain('lang="zh-CN"');

    const entry = await auditOf(userId, "user.invite");
    expect(entry).toMatchObject({ actorId: admin.id, actorEmail: admin.email, before: null });
    expect(entry.after).toMatchObject({ email: email.toLowerCase(), role: "organizer", passwordSet: false });
    expect(JSON.stringify(entry)).not.toContain("passwordHash");
  });

  it("refuses a taken address in any case, and invalid input field by field", async () => {
    const admin = await createActor("admin");
    const { email } = await invited(admin);
    expect(
      await fieldKey(
        inviteUser(admin, { email: email.toUpperCase(), name: "Again", role: "checkin" }, "en"),
        "email",
      ),
    ).toBe("emailTaken");
    const error = await refusal(
      inviteUser(admin, { email: "not an address", name: "", role: "boss" as UserRole }, "en"),
    );
    expect(error.details.fields).toEqual({
      email: { key: "email" },
      name: { key: "required" },
      role: { key: "invalidChoice" },
    });
  });
});

describe("setting a password with a link", () => {
  it("sets it once: the password signs in, the link is used up, the audit names the account itself", async () => {
    const admin = await createActor("admin");
    const { email, userId, token } = await invited(admin, "organizer", "en");
    expect(await signInOutcome(email, PASSWORD)).toBe("refused");

    expect(await setPasswordWithToken(token, PASSWORD, PASSWORD)).toEqual({ email });
    expect(await signInOutcome(email, PASSWORD)).toBe("signed-in");
    expect(await db.userToken.count({ where: { userId } })).toBe(0);
    expect(await fieldKey(setPasswordWithToken(token, PASSWORD, PASSWORD), "_")).toBe("linkExpired");
    expect(await passwordLinkAccount(token)).toBeNull();

    const entry = await auditOf(userId, "user.password_set");
    expect(entry).toMatchObject({ actorId: userId, actorEmail: email });
    expect(entry.before).toMatchObject({ passwordSet: false });
    expect(entry.after).toMatchObject({ passwordSet: true });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(JSON.stringify(entry)).not.toContain(user.passwordHash!);
    expect(JSON.stringify(entry)).not.toContain("passwordHash");
  });

  it("refuses expired, unknown and malformed links, and links of disabled accounts", async () => {
    const admin = await createActor("admin");
    const expired = await invited(admin);
    await db.userToken.updateMany({
      where: { userId: expired.userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await fieldKey(setPasswordWithToken(expired.token, PASSWORD, PASSWORD), "_")).toBe("linkExpired");
    expect(await fieldKey(setPasswordWithToken("x".repeat(43), PASSWORD, PASSWORD), "_")).toBe("linkExpired");
    expect(await fieldKey(setPasswordWithToken("../../etc", PASSWORD, PASSWORD), "_")).toBe("linkExpired");

    const disabled = await invited(admin);
    await db.user.update({ where: { id: disabled.userId }, data: { disabledAt: new Date() } });
    expect(await fieldKey(setPasswordWithToken(disabled.token, PASSWORD, PASSWORD), "_")).toBe("linkExpired");
    expect(await db.user.findUniqueOrThrow({ where: { id: disabled.userId } })).toMatchObject({
      passwordHash: null,
    });
  });

  it("checks length and repetition, and keeps the link for another try", async () => {
    const admin = await createActor("admin");
    const { token } = await invited(admin);
    const short = await refusal(setPasswordWithToken(token, "short", "short"));
    expect(short.details.fields).toEqual({ password: { key: "passwordTooShort", values: { min: 12 } } });
    expect(await fieldKey(setPasswordWithToken(token, PASSWORD, `${PASSWORD}!`), "passwordRepeat")).toBe(
      "passwordsDiffer",
    );
    expect(await fieldKey(setPasswordWithToken(token, "x".repeat(1025), "x".repeat(1025)), "password")).toBe(
      "tooLong",
    );
    expect(await outcome(setPasswordWithToken(token, PASSWORD, PASSWORD))).toBe("ok");
  });
});

describe("resetting a password", () => {
  it("removes the password, ends sessions, replaces earlier links and emails a new one", async () => {
    const admin = await createActor("admin");
    const { email, userId } = await withPassword(admin);
    await sessionOf(userId);

    const first = await resetPassword(admin, userId, "de");
    const { link } = await resetPassword(admin, userId, "en");
    expect(await signInOutcome(email, PASSWORD)).toBe("refused");
    const after = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(after.passwordHash).toBeNull();
    expect(await sessionsOf(userId)).toBe(0);
    const tokens = await db.userToken.findMany({ where: { userId } });
    expect(tokens).toEqual([expect.objectContaining({ hash: hashToken(tokenOf(link)), purpose: "reset" })]);
    expect(
      Math.abs(tokens[0]!.expiresAt.getTime() - tokens[0]!.createdAt.getTime() - 24 * 3600_000),
    ).toBeLessThan(60_000);
    expect(await fieldKey(setPasswordWithToken(tokenOf(first.link), PASSWORD, PASSWORD), "_")).toBe(
      "linkExpired",
    );

    const mails = await db.outboxEmail.findMany({
      where: { toAddress: email, kind: "account.password_reset" },
      orderBy: { createdAt: "asc" },
    });
    expect(mails.map((mail) => mail.subject)).toEqual([
      "Neues Passwort für Ihren Zugang",
      "A new password for your access",
    ]);

    const entry = await auditOf(userId, "user.password_reset");
    expect(entry.before).toMatchObject({ passwordSet: false });
    expect(entry.after).toMatchObject({ passwordSet: false });
    expect(JSON.stringify(await db.auditEntry.findMany({ where: { entityId: userId } }))).not.toMatch(
      /passwordHash|argon2/,
    );

    const newPassword = "another long password";
    await setPasswordWithToken(tokenOf(link), newPassword, newPassword);
    expect(await signInOutcome(email, newPassword)).toBe("signed-in");
    expect(await signInOutcome(email, PASSWORD)).toBe("refused");
  });

  it("answers not_found for unknown accounts", async () => {
    const admin = await createActor("admin");
    expect(await outcome(resetPassword(admin, "nobody", "de"))).toBe("not_found");
    expect(await outcome(resetPassword(admin, "a b", "de"))).toBe("not_found");
  });
});

describe("roles and disabling", () => {
  it("changes a role with its audit entry", async () => {
    const admin = await createActor("admin");
    const target = await createActor("checkin");
    await setUserRole(admin, target.id, "organizer");
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      role: "organizer",
    });
    const entry = await auditOf(target.id, "user.role_change");
    expect(entry).toMatchObject({
      actorId: admin.id,
      before: expect.objectContaining({ role: "checkin" }),
      after: expect.objectContaining({ role: "organizer" }),
    });
    expect(await fieldKey(setUserRole(admin, target.id, "owner" as UserRole), "role")).toBe("invalidChoice");
  });

  it("disables and enables: a disabled account cannot sign in", async () => {
    const admin = await createActor("admin");
    const { email, userId } = await withPassword(admin);
    await sessionOf(userId);
    await disableUser(admin, userId);
    // Said only to whoever knows the password: a guesser hears "refused" as for any wrong password.
    expect(await signInOutcome(email, PASSWORD)).toBe("disabled");
    expect(await signInOutcome(email, "a wrong guess of length")).toBe("refused");
    // Sessions from before stay dead after the account is enabled again.
    expect(await sessionsOf(userId)).toBe(0);
    expect((await listAccounts(admin)).find((row) => row.id === userId)).toMatchObject({ state: "disabled" });
    const disabled = await auditOf(userId, "user.disable");
    expect(disabled.before).toMatchObject({ disabledAt: null });
    expect((disabled.after as { disabledAt: string }).disabledAt).toMatch(/^\d{4}-/);

    await enableUser(admin, userId);
    expect(await signInOutcome(email, PASSWORD)).toBe("signed-in");
    expect((await listAccounts(admin)).find((row) => row.id === userId)).toMatchObject({ state: "active" });
    expect((await auditOf(userId, "user.enable")).after).toMatchObject({ disabledAt: null });
  });

  it("lists states: invited until a password is set", async () => {
    const admin = await createActor("admin");
    const { userId, token } = await invited(admin);
    expect((await listAccounts(admin)).find((row) => row.id === userId)).toMatchObject({
      state: "invited",
      lastSignInAt: null,
    });
    await setPasswordWithToken(token, PASSWORD, PASSWORD);
    expect((await listAccounts(admin)).find((row) => row.id === userId)).toMatchObject({ state: "active" });
  });

  it("never lets the last enabled admin go, and no admin disables themself", async () => {
    // Start from a database whose only enabled admin is `last`.
    await db.user.updateMany({ where: { role: "admin" }, data: { disabledAt: new Date() } });
    const last = await createActor("admin");
    expect(await fieldKey(disableUser(last, last.id), "_")).toBe("cannotDisableSelf");
    expect(await fieldKey(setUserRole(last, last.id, "organizer"), "role")).toBe("lastAdmin");

    // The domain trusts no actor object to be current: a disabled admin's cannot take the last one away either.
    const stale = await createActor("admin", { disabled: true });
    expect(await fieldKey(disableUser(stale, last.id), "_")).toBe("lastAdmin");
    expect(await fieldKey(setUserRole(stale, last.id, "checkin"), "role")).toBe("lastAdmin");

    // With two enabled admins, one may step down; then the other is the last.
    const second = await createActor("admin");
    await setUserRole(second, last.id, "organizer");
    expect(await fieldKey(setUserRole(second, second.id, "organizer"), "role")).toBe("lastAdmin");
    await setUserRole(second, last.id, "admin");
    await disableUser(second, last.id);
    expect(await fieldKey(disableUser(stale, second.id), "_")).toBe("lastAdmin");
    expect(await db.user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
  });
});

describe("creating an admin from the command line", () => {
  it("creates an admin who can sign in, audited as the command line", async () => {
    const email = address();
    const result = await createAdmin({ email: email.toUpperCase(), name: "Root Admin", password: PASSWORD });
    expect(result).toMatchObject({ outcome: "created", email });
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({
      role: "admin",
      disabledAt: null,
    });
    expect(await signInOutcome(email, PASSWORD)).toBe("signed-in");
    const entry = await auditOf(result.userId, "user.create_admin");
    expect(entry).toMatchObject({ actorId: null, actorEmail: "command line" });
    expect(JSON.stringify(entry)).not.toMatch(/passwordHash|argon2/);
  });

  it("refuses an address that has an account, and changes nothing", async () => {
    const target = await createActor("checkin", { passwordHash: await hashPassword("the old password") });
    const before = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(
      await fieldKey(createAdmin({ email: target.email, name: "Someone Else", password: PASSWORD }), "email"),
    ).toBe("emailTaken");
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toEqual(before);
    expect(await signInOutcome(target.email, PASSWORD)).toBe("refused");
  });

  it("with reset, makes an existing account an enabled admin with the new password and ends its sessions and links", async () => {
    const target = await createActor("checkin", {
      disabled: true,
      passwordHash: await hashPassword("the old password"),
    });
    await db.userToken.create({
      data: {
        hash: hashToken("x"),
        userId: target.id,
        purpose: "reset",
        expiresAt: new Date(Date.now() + 3600_000),
      },
    });
    // A lost second factor too: the command line is the way back in for the last admin.
    await db.user.update({
      where: { id: target.id },
      data: { totpSecret: "v1.sealed", totpEnabledAt: new Date() },
    });
    await db.recoveryCode.create({ data: { hash: hashToken("recovery"), userId: target.id } });
    await sessionOf(target.id);
    const result = await createAdmin({ email: target.email, password: PASSWORD, reset: true });
    expect(result).toEqual({ outcome: "updated", userId: target.id, email: target.email });
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      role: "admin",
      disabledAt: null,
      name: "Test checkin",
      totpSecret: null,
    });
    expect(await sessionsOf(target.id)).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: target.id } })).toBe(0);
    expect(await db.userToken.count({ where: { userId: target.id } })).toBe(0);
    expect(await signInOutcome(target.email, PASSWORD)).toBe("signed-in");
    const entry = await auditOf(target.id, "user.restore_admin");
    expect(entry.before).toMatchObject({ role: "checkin", passwordSet: true });
    expect(entry.after).toMatchObject({ role: "admin", disabledAt: null, passwordSet: true });
  });

  it("refuses short passwords and a new account without a name", async () => {
    expect(
      (await refusal(createAdmin({ email: address(), name: "X", password: "short" }))).details.fields,
    ).toEqual({
      password: { key: "passwordTooShort", values: { min: 12 } },
    });
    expect(await fieldKey(createAdmin({ email: address(), password: PASSWORD }), "name")).toBe("required");
  });
});
