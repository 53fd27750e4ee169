import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { createRoleActors, outcome } from "@/test/integration/actors";
import { createMeetingRow } from "@/test/integration/factories";
import { listCitiesJson } from "../alliance/queries";
import { getCeremonyEditor } from "./admin-queries";
import { getHeldState, markCeremonyHeld, markCeremonyNotHeld } from "./induction";

const actors = await createRoleActors();
const { organizer } = actors;
const meeting = await createMeetingRow({ published: true });

// 00:30 in Hannover on 24 April 2018 is still 23 April in UTC: the day of joining is the meeting's.
const STARTS = new Date("2018-04-23T22:30:00Z");
const AFTER_START = new Date("2018-04-23T23:00:00Z");

const unique = () => randomUUID().slice(0, 8);

type CityState = {
  status: "candidate" | "member" | "observer" | "former";
  joinedOn?: Date | null;
  memberSince?: number | null;
};

async function city({ status, joinedOn = null, memberSince = null }: CityState) {
  return db.city.create({
    data: {
      slug: `c-${unique()}`,
      nameDe: `Stadt ${unique()}`,
      nameEn: `Town ${unique()}`,
      country: "CN",
      status,
      joinedOn,
      memberSince,
    },
  });
}

async function ceremony(
  inductees: { id: string }[],
  overrides: { status?: "draft" | "published"; startsAt?: Date } = {},
) {
  const startsAt = overrides.startsAt ?? STARTS;
  const session = await db.session.create({
    data: {
      meetingId: meeting.id,
      slug: `s-${unique()}`,
      kind: "ceremony",
      status: overrides.status ?? "published",
      titleDe: "Aufnahme",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      inductees: { create: inductees.map((row) => ({ cityId: row.id })) },
    },
  });
  return { meetingSlug: meeting.slug, sessionId: session.id };
}

const standing = (id: string) =>
  db.city.findUniqueOrThrow({
    where: { id },
    select: { status: true, joinedOn: true, memberSince: true, inductedBySessionId: true },
  });

describe("marking a ceremony as held", () => {
  it("makes each inductee a member from the ceremony's day in the meeting's zone, admitted by it, and records it", async () => {
    const [candidate, former] = [
      await city({ status: "candidate" }),
      await city({ status: "former", joinedOn: new Date("2016-05-02T00:00:00Z"), memberSince: 2016 }),
    ];
    const ref = await ceremony([candidate, former]);
    expect(await markCeremonyHeld(organizer, ref, AFTER_START)).toEqual({ ok: true, cities: 2 });

    for (const { id } of [candidate, former])
      expect(await standing(id)).toEqual({
        status: "member",
        joinedOn: new Date("2018-04-24T00:00:00Z"),
        memberSince: 2018,
        inductedBySessionId: ref.sessionId,
      });
    expect((await db.session.findUniqueOrThrow({ where: { id: ref.sessionId } })).heldAt).toEqual(
      AFTER_START,
    );

    const entry = await db.auditEntry.findFirstOrThrow({
      where: { entityId: ref.sessionId, action: "ceremony.held" },
    });
    expect(entry).toMatchObject({ entity: "Session", meetingId: meeting.id, actorId: organizer.id });
    // Inductees come in no particular order.
    const before = entry.before as { heldAt: null; cities: { id: string }[] };
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(before.heldAt).toBeNull();
    expect([...before.cities].sort(byId)).toEqual(
      [
        {
          id: candidate.id,
          status: "candidate",
          joinedOn: null,
          memberSince: null,
          inductedBySessionId: null,
        },
        {
          id: former.id,
          status: "former",
          joinedOn: "2016-05-02",
          memberSince: 2016,
          inductedBySessionId: null,
        },
      ].sort(byId),
    );
    const cityEntries = await db.auditEntry.findMany({
      where: { action: "city.induct", entityId: { in: [candidate.id, former.id] } },
    });
    expect(cityEntries).toHaveLength(2);

    // The public API names the day and the meeting.
    const json = (await listCitiesJson()).find((row) => row.slug === candidate.slug);
    expect(json).toMatchObject({
      status: "member",
      joinedOn: "2018-04-24",
      memberSince: 2018,
      inductedAt: meeting.slug,
    });
  });

  it("is for organizers and admins only: nobody else changes anything", async () => {
    const candidate = await city({ status: "candidate" });
    const ref = await ceremony([candidate]);
    expect(await outcome(markCeremonyHeld(null, ref, AFTER_START))).toBe("unauthenticated");
    expect(await outcome(markCeremonyHeld(actors.checkin, ref, AFTER_START))).toBe("forbidden");
    expect((await standing(candidate.id)).status).toBe("candidate");
    expect(await markCeremonyHeld(actors.admin, ref, AFTER_START)).toEqual({ ok: true, cities: 1 });
    expect(await outcome(markCeremonyNotHeld(actors.checkin, ref))).toBe("forbidden");
    expect(await outcome(markCeremonyNotHeld(null, ref))).toBe("unauthenticated");
    expect((await standing(candidate.id)).status).toBe("member");
    expect(await outcome(getHeldState(actors.checkin, ref))).toBe("forbidden");
  });

  it("refuses a ceremony that has not begun, a draft, one already held, one without inductees, and members, changing nothing", async () => {
    const candidate = await city({ status: "candidate" });
    const ref = await ceremony([candidate]);
    expect(await markCeremonyHeld(organizer, ref, new Date(STARTS.getTime() - 60_000))).toEqual({
      ok: false,
      refusal: "notStarted",
    });
    expect(
      await markCeremonyHeld(organizer, await ceremony([candidate], { status: "draft" }), AFTER_START),
    ).toEqual({
      ok: false,
      refusal: "notPublished",
    });
    expect(await markCeremonyHeld(organizer, await ceremony([]), AFTER_START)).toEqual({
      ok: false,
      refusal: "noInductees",
    });
    const member = await city({ status: "member", memberSince: 2016 });
    const withMember = await markCeremonyHeld(organizer, await ceremony([candidate, member]), AFTER_START);
    expect(withMember).toEqual({
      ok: false,
      refusal: "alreadyMember",
      cities: [{ de: member.nameDe, en: member.nameEn, zh: null }],
    });
    expect(await standing(candidate.id)).toEqual({
      status: "candidate",
      joinedOn: null,
      memberSince: null,
      inductedBySessionId: null,
    });
    expect((await db.session.findUniqueOrThrow({ where: { id: ref.sessionId } })).heldAt).toBeNull();
    expect(await db.auditEntry.count({ where: { action: "city.induct", entityId: candidate.id } })).toBe(0);

    expect((await markCeremonyHeld(organizer, ref, AFTER_START)).ok).toBe(true);
    expect(await markCeremonyHeld(organizer, ref, AFTER_START)).toEqual({
      ok: false,
      refusal: "alreadyHeld",
    });
    expect(await outcome(markCeremonyHeld(organizer, { ...ref, meetingSlug: "no-such-meeting" }))).toBe(
      "not_found",
    );
  });
});

describe("taking the mark back", () => {
  it("gives each city its standing and dates from before, from the audit entry of marking", async () => {
    const [candidate, observer] = [
      await city({ status: "candidate" }),
      await city({ status: "observer", memberSince: 2017 }),
    ];
    const ref = await ceremony([candidate, observer]);
    await markCeremonyHeld(organizer, ref, AFTER_START);
    expect(await markCeremonyNotHeld(organizer, ref)).toEqual({ ok: true, cities: 2 });

    expect(await standing(candidate.id)).toEqual({
      status: "candidate",
      joinedOn: null,
      memberSince: null,
      inductedBySessionId: null,
    });
    expect(await standing(observer.id)).toEqual({
      status: "observer",
      joinedOn: null,
      memberSince: 2017,
      inductedBySessionId: null,
    });
    expect((await db.session.findUniqueOrThrow({ where: { id: ref.sessionId } })).heldAt).toBeNull();
    const entry = await db.auditEntry.findFirstOrThrow({
      where: { entityId: ref.sessionId, action: "ceremony.notHeld" },
    });
    expect(entry.after).toMatchObject({ heldAt: null });
    expect(await markCeremonyNotHeld(organizer, ref)).toEqual({ ok: false, refusal: "notHeld" });

    // Marked again after the undo: the latest marking's record is the one undone.
    await markCeremonyHeld(organizer, ref, AFTER_START);
    expect((await standing(observer.id)).status).toBe("member");
    await markCeremonyNotHeld(organizer, ref);
    expect((await standing(observer.id)).status).toBe("observer");
  });

  it("makes a city admitted without a record of marking (as the demo seeds Köln) a candidate again", async () => {
    const seeded = await city({
      status: "member",
      joinedOn: new Date("2017-04-24T00:00:00Z"),
      memberSince: 2017,
    });
    const ref = await ceremony([seeded]);
    await db.session.update({ where: { id: ref.sessionId }, data: { heldAt: AFTER_START } });
    await db.city.update({ where: { id: seeded.id }, data: { inductedBySessionId: ref.sessionId } });
    expect(await markCeremonyNotHeld(organizer, ref)).toEqual({ ok: true, cities: 1 });
    expect(await standing(seeded.id)).toEqual({
      status: "candidate",
      joinedOn: null,
      memberSince: null,
      inductedBySessionId: null,
    });
  });
});

describe("the editor's choice of cities to admit", () => {
  it("offers every city that is not a member, and the members the ceremony has already chosen", async () => {
    const [candidate, observer, former, member, chosenMember] = [
      await city({ status: "candidate" }),
      await city({ status: "observer" }),
      await city({ status: "former" }),
      await city({ status: "member" }),
      await city({ status: "member" }),
    ];
    const ref = await ceremony([chosenMember]);
    const offered = new Set(
      (await getCeremonyEditor(organizer, ref.meetingSlug, ref.sessionId, "de")).cities.map((row) => row.id),
    );
    expect([candidate, observer, former, chosenMember].every((row) => offered.has(row.id))).toBe(true);
    expect(offered.has(member.id)).toBe(false);
  });
});
