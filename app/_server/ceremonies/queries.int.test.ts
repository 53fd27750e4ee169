import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/app/_server/authz";
import { publicFeed } from "@/app/_server/agenda/calendar-feeds";
import { getSessionEditor } from "@/app/_server/agenda/admin-queries";
import { getAgenda, getSession } from "@/app/_server/agenda/queries";
import { db } from "@/app/_server/db";
import { seedDemo } from "@/prisma/seed";
import { createRoleActors } from "@/test/integration/actors";
import { getCeremonyProgramme } from "./admin-queries";
import { getRunOfShow } from "./queries";

/**
 * Internal notes are for organizers: every public read of sessions and ceremonies leaves them out, the
 * back office's reads carry them.
 */

let organizer: Actor;
let ceremonyId: string;
let workshopId: string;
const token = `internal-${randomUUID()}`;

beforeAll(async () => {
  await seedDemo(db);
  ({ organizer } = await createRoleActors());
  const session = (slug: string) =>
    db.session.findFirstOrThrow({ where: { slug, meeting: { slug: "2017" } }, select: { id: true } });
  ceremonyId = (await session("aufnahme-koeln")).id;
  workshopId = (
    await db.session.findFirstOrThrow({
      where: { meeting: { slug: "2017" }, kind: "workshop", status: "published" },
      select: { id: true },
    })
  ).id;
  await db.session.updateMany({
    where: { id: { in: [ceremonyId, workshopId] } },
    data: { internalNotes: `Session ${token}`, updatedAt: new Date() },
  });
  await db.ceremonySegment.updateMany({
    where: { sessionId: ceremonyId },
    data: { internalNotes: `Segment ${token}` },
  });
});

const feedText = async (scope: Parameters<typeof publicFeed>[1], lang: string) => {
  const feed = await publicFeed("2017", scope, lang);
  expect(feed).not.toBeNull();
  return new TextDecoder().decode(feed!.bytes);
};

describe("internal notes in the reads", () => {
  it("are in no public read: session, agenda, run-of-show, the meeting's, kind's and session's feeds", async () => {
    const ceremony = await getSession("2017", ceremonyId);
    const reads: unknown[] = [
      ceremony,
      await getSession("2017", workshopId),
      await getAgenda("2017"),
      await getRunOfShow(ceremony),
    ];
    for (const read of reads) expect(JSON.stringify(read)).not.toContain(token);
    expect(Object.keys(ceremony)).not.toContain("internalNotes");
    const { segments } = await getRunOfShow(ceremony);
    expect(segments).toHaveLength(7);
    for (const segment of segments) expect(Object.keys(segment)).not.toContain("internalNotes");
    // The public text stays: Ute Berg's line belongs to the run-of-show.
    expect(segments[2]!.description.en).toBe(
      "Ute Berg, Head of the Department for Economic Affairs and Real Estate, City of Cologne.",
    );

    for (const lang of ["de", "en", "zh"]) {
      for (const scope of [
        { type: "meeting" },
        { type: "kind", kind: "ceremony" },
        { type: "kind", kind: "workshop" },
        { type: "session", sessionId: ceremonyId },
        { type: "session", sessionId: workshopId },
      ] as const) {
        const text = await feedText(scope, lang);
        expect(text).toContain("BEGIN:VEVENT");
        expect(text).not.toContain(token);
      }
    }
  });

  it("are in the organizers' reads: the session editor and the ceremony programme", async () => {
    const editor = await getSessionEditor(organizer, "2017", workshopId);
    expect(editor.session?.internalNotes).toBe(`Session ${token}`);
    const programme = await getCeremonyProgramme(organizer, "2017", ceremonyId);
    expect(programme.runOfShow.segments.map((segment) => segment.internalNotes)).toEqual(
      Array.from({ length: 7 }, () => `Segment ${token}`),
    );
  });
});
