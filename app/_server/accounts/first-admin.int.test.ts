import { describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { AppError } from "@/app/_server/errors";
import { disableDemoAccounts, seedDemoAccounts } from "@/prisma/seed-accounts";
import { verifyPassword } from "../auth/passwords";
import { hashToken } from "../security/tokens";
import { createFirstAdmin, issueSetupLink, setupLinkIsLive } from "./first-admin";
import { refusal } from "@/test/integration/refusal";

const PASSWORD = "correct horse battery staple";
const tokenOf = (url: string) => url.split("/").at(-1)!;
const input = (email: string) => ({
  email,
  name: "Erika Mustermann",
  password: PASSWORD,
  passwordRepeat: PASSWORD,
});

/** Each test starts from an installation without accounts or links. */
async function freshInstallation() {
  await db.auditEntry.deleteMany({});
  await db.user.deleteMany({});
  await db.setupToken.deleteMany({});
}

describe("the first admin, through the setup link", () => {
  it("is a link of 256 bits under PUBLIC_URL, stored only as a hash, live for 24 hours", async () => {
    await freshInstallation();
    const now = new Date("2026-12-06T10:00:00Z");
    const link = (await issueSetupLink("zh", now))!;
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/zh\/admin\/setup\/[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt.toISOString()).toBe("2026-12-07T10:00:00.000Z");
    const token = tokenOf(link.url);
    const rows = await db.setupToken.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.hash).toBe(hashToken(token));
    expect(await setupLinkIsLive(token, new Date("2026-12-07T09:59:59Z"))).toBe(true);
    expect(await setupLinkIsLive(token, new Date("2026-12-07T10:00:00Z"))).toBe(false);
    expect(await setupLinkIsLive("not-a-token")).toBe(false);
    expect(await setupLinkIsLive("A".repeat(43))).toBe(false);
  });

  it("creates an admin who can sign in, once; every other link dies with it", async () => {
    await freshInstallation();
    const first = tokenOf((await issueSetupLink())!.url);
    const second = tokenOf((await issueSetupLink())!.url);
    // Bad input loses nothing: the link still works afterwards.
    const bad = await refusal(
      createFirstAdmin(first, {
        email: "not an address",
        name: " ",
        password: "short",
        passwordRepeat: "other",
      }),
    );
    expect(bad.details.fields).toEqual({
      email: { key: "email" },
      name: { key: "required" },
      password: { key: "passwordTooShort", values: { min: 12 } },
      passwordRepeat: { key: "passwordsDiffer" },
    });
    expect(await db.user.count()).toBe(0);
    expect(await setupLinkIsLive(first)).toBe(true);

    expect(await createFirstAdmin(first, input("Erika@Example.org"))).toEqual({ email: "erika@example.org" });
    const admin = await db.user.findUniqueOrThrow({ where: { email: "erika@example.org" } });
    expect(admin.role).toBe("admin");
    expect(admin.disabledAt).toBeNull();
    expect(await verifyPassword(PASSWORD, admin.passwordHash)).toBe(true);
    const audit = await db.auditEntry.findMany({ where: { entityId: admin.id } });
    expect(audit.map((entry) => [entry.action, entry.actorEmail])).toEqual([
      ["user.create_first_admin", "erika@example.org"],
    ]);
    expect(JSON.stringify(audit)).not.toContain(admin.passwordHash!);

    expect(await db.setupToken.count()).toBe(0);
    for (const token of [first, second]) {
      expect(await setupLinkIsLive(token)).toBe(false);
      expect((await refusal(createFirstAdmin(token, input("mallory@example.org")))).details.fields).toEqual({
        _: { key: "setupLinkExpired" },
      });
    }
    expect(await issueSetupLink()).toBeNull();
    expect(await db.user.count()).toBe(1);
  });

  it("makes exactly one admin when two links are used at the same moment", async () => {
    await freshInstallation();
    const tokens = [tokenOf((await issueSetupLink())!.url), tokenOf((await issueSetupLink())!.url)];
    const results = await Promise.allSettled(
      tokens.map((token, index) => createFirstAdmin(token, input(`admin-${index}@example.org`))),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
    expect(await db.user.count({ where: { role: "admin" } })).toBe(1);
  });

  it("refuses an address that another account has, and keeps the link", async () => {
    await freshInstallation();
    const token = tokenOf((await issueSetupLink())!.url);
    await db.user.create({ data: { email: "organizer@example.org", name: "Organizer", role: "organizer" } });
    expect((await refusal(createFirstAdmin(token, input("Organizer@example.org")))).details.fields).toEqual({
      email: { key: "emailTaken" },
    });
    expect(await setupLinkIsLive(token)).toBe(true);
    expect(await db.user.count({ where: { role: "admin" } })).toBe(0);
  });

  it("is never offered while an admin exists, even a disabled one", async () => {
    await freshInstallation();
    const token = tokenOf((await issueSetupLink())!.url);
    await db.user.create({
      data: { email: "old@example.org", name: "Old Admin", role: "admin", disabledAt: new Date() },
    });
    expect(await setupLinkIsLive(token)).toBe(false);
    expect(await issueSetupLink()).toBeNull();
  });
});

describe("demo accounts outside the demo", () => {
  it("are disabled while they open with the published password, and left alone once changed", async () => {
    await freshInstallation();
    expect(await seedDemoAccounts(db)).toBe(3);
    await db.user.update({ where: { email: "organizer@demo.example" }, data: { passwordHash: "changed" } });
    const expiresAt = new Date(Date.now() + 3600_000);
    for (const user of await db.user.findMany())
      await db.userSession.create({
        data: { id: `session-${user.email}`, userId: user.id, expiresAt, userAgent: "test" },
      });
    expect((await disableDemoAccounts(db)).sort()).toEqual(["admin@demo.example", "checkin@demo.example"]);
    const accounts = await db.user.findMany({
      orderBy: { email: "asc" },
      select: { email: true, disabledAt: true, _count: { select: { sessions: true } } },
    });
    expect(
      accounts.map((account) => [account.email, account.disabledAt !== null, account._count.sessions]),
    ).toEqual([
      ["admin@demo.example", true, 0],
      ["checkin@demo.example", true, 0],
      ["organizer@demo.example", false, 1],
    ]);
    expect(await disableDemoAccounts(db)).toEqual([]);
  });
});
