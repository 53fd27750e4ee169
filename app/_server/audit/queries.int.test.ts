import { describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { createActor, outcome } from "@/test/integration/actors";
import { recordAudit } from "./record";
import { listAuditEntries } from "./queries";

describe("the audit log", () => {
  it("shows organizers the program's changes and admins the accounts' too; others may not read it", async () => {
    const admin = await createActor("admin");
    const organizer = await createActor("organizer");
    await db.$transaction(async (tx) => {
      await recordAudit(tx, admin, {
        action: "user.role_change",
        entity: "User",
        entityId: organizer.id,
        before: { role: "checkin" },
        after: { role: "organizer" },
      });
      await recordAudit(tx, organizer, {
        action: "room.update",
        entity: "Room",
        entityId: "r1",
        before: { capacity: 30 },
        after: { capacity: 40 },
        reason: "Bigger room",
      });
    });

    const forOrganizer = await listAuditEntries(organizer, {});
    expect(forOrganizer.entries.map((entry) => entry.action)).toEqual(["room.update"]);
    expect(forOrganizer.entries[0]).toMatchObject({
      actorEmail: organizer.email,
      before: { capacity: 30 },
      after: { capacity: 40 },
      reason: "Bigger room",
    });
    expect((await listAuditEntries(admin, {})).entries.map((entry) => entry.action).sort()).toEqual([
      "room.update",
      "user.role_change",
    ]);
    expect((await listAuditEntries(admin, { action: "user." })).entries.map((entry) => entry.action)).toEqual(
      ["user.role_change"],
    );

    expect(await outcome(listAuditEntries(null, {}))).toBe("unauthenticated");
    expect(await outcome(listAuditEntries(await createActor("checkin"), {}))).toBe("forbidden");
  });
});
