import "server-only";
import { DateTime } from "luxon";
import { isoDate } from "@/app/_lib/cities/membership";
import { translatedFields, translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { db, type Prisma } from "../db";
import { lockCeremony, type CeremonyRef, type Tx } from "./records";

/**
 * Marking a ceremony as held makes its inductees members from the ceremony's day; marking it as not held
 * again gives each city back the standing and dates it had before. Both are one transaction with their
 * audit entries.
 *
 * What "before" was is kept in the audit entry of marking (`ceremony.held`, `before.cities`): undoing
 * reads the latest one of the ceremony. A city admitted by a ceremony without such an entry (the demo
 * seeds Köln's ceremony as held) was a candidate before: marking refuses cities that are already members,
 * so a candidate without dates is what it was.
 */

/** Why a ceremony cannot be marked (or unmarked) now: each has its sentence in the editor. */
export type InductionRefusal =
  "notPublished" | "notStarted" | "alreadyHeld" | "notHeld" | "noInductees" | "alreadyMember";

export type InductionOutcome =
  { ok: true; cities: number } | { ok: false; refusal: InductionRefusal; cities?: Translations[] };

/** A city's standing as marking changes it and undoing restores it; dates as yyyy-mm-dd. */
type Standing = {
  id: string;
  status: "candidate" | "member" | "observer" | "former";
  joinedOn: string | null;
  memberSince: number | null;
  inductedBySessionId: string | null;
};

const standingSelect = {
  id: true,
  status: true,
  joinedOn: true,
  memberSince: true,
  inductedBySessionId: true,
  ...translatedFields("name"),
} satisfies Prisma.CitySelect;

type CityRow = Prisma.CityGetPayload<{ select: typeof standingSelect }>;

const standingOf = (city: CityRow): Standing => ({
  id: city.id,
  status: city.status,
  joinedOn: isoDate(city.joinedOn),
  memberSince: city.memberSince,
  inductedBySessionId: city.inductedBySessionId,
});

const dateColumn = (date: string | null) => (date ? new Date(`${date}T00:00:00Z`) : null);

async function ceremonyOf(tx: Tx, ref: CeremonyRef) {
  const locked = await lockCeremony(tx, ref);
  const session = await tx.session.findUniqueOrThrow({
    where: { id: locked.id },
    select: {
      status: true,
      startsAt: true,
      heldAt: true,
      meeting: { select: { timeZone: true } },
      inductees: { select: { city: { select: standingSelect } } },
    },
  });
  return { ...locked, ...session };
}

async function setStanding(tx: Tx, actor: Actor, standing: Standing, before: Standing, action: string) {
  const { id, ...data } = standing;
  await tx.city.update({
    where: { id },
    data: { ...data, joinedOn: dateColumn(data.joinedOn) },
  });
  const { id: _id, ...was } = before;
  await recordAudit(tx, actor, { action, entity: "City", entityId: id, before: was, after: data });
}

/**
 * Marks a published ceremony that has begun as held: each inductee becomes a member, joined on the
 * ceremony's day in the meeting's zone, admitted by this ceremony. Refused (as a value) for a draft or
 * cancelled ceremony, one still to come, one already marked, one without inductees, and while an
 * inductee is a member already (it joined before: nothing to admit).
 */
export async function markCeremonyHeld(
  actor: Actor | null,
  ref: CeremonyRef,
  now: Date = new Date(),
): Promise<InductionOutcome> {
  authorize(actor, "editProgram");
  return db.$transaction(async (tx) => {
    const ceremony = await ceremonyOf(tx, ref);
    if (ceremony.heldAt) return { ok: false, refusal: "alreadyHeld" };
    if (ceremony.status !== "published") return { ok: false, refusal: "notPublished" };
    if (ceremony.startsAt > now) return { ok: false, refusal: "notStarted" };
    const cities = ceremony.inductees.map(({ city }) => city);
    if (cities.length === 0) return { ok: false, refusal: "noInductees" };
    const members = cities.filter((city) => city.status === "member");
    if (members.length > 0)
      return {
        ok: false,
        refusal: "alreadyMember",
        cities: members.map((city) => translationsOf(city, "name")),
      };

    const day = DateTime.fromJSDate(ceremony.startsAt).setZone(ceremony.meeting.timeZone);
    const joinedOn = day.toISODate()!;
    const before = cities.map(standingOf);
    const after = before.map((city): Standing => ({
      id: city.id,
      status: "member",
      joinedOn,
      memberSince: day.year,
      inductedBySessionId: ceremony.id,
    }));
    await setHeld(tx, actor, ceremony, now, { before, after });
    return { ok: true, cities: after.length };
  });
}

/**
 * Marks the ceremony as held (at `heldAt`) or not (null) and gives its cities their new standings, each
 * change audited; the ceremony's entry keeps every city's standing before, which undoing reads.
 */
async function setHeld(
  tx: Tx,
  actor: Actor,
  ceremony: { id: string; meetingId: string; heldAt: Date | null },
  heldAt: Date | null,
  cities: { before: Standing[]; after: Standing[] },
) {
  await tx.session.update({ where: { id: ceremony.id }, data: { heldAt } });
  for (const [index, city] of cities.after.entries())
    await setStanding(tx, actor, city, cities.before[index]!, heldAt ? "city.induct" : "city.uninduct");
  await recordAudit(tx, actor, {
    action: heldAt ? "ceremony.held" : "ceremony.notHeld",
    entity: "Session",
    entityId: ceremony.id,
    meetingId: ceremony.meetingId,
    before: { heldAt: ceremony.heldAt, cities: cities.before },
    after: { heldAt, cities: cities.after },
  });
}

/** The standings the latest marking of this ceremony recorded as "before", by city id. */
async function standingsBeforeMarking(tx: Tx, sessionId: string): Promise<Map<string, Standing>> {
  const entry = await tx.auditEntry.findFirst({
    where: { action: "ceremony.held", entity: "Session", entityId: sessionId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { before: true },
  });
  const recorded = (entry?.before as { cities?: Standing[] } | null)?.cities ?? [];
  return new Map(recorded.map((city) => [city.id, city]));
}

/**
 * Takes the mark back (marked by mistake, or the ceremony did not take place): the cities this ceremony
 * admitted get their standing and dates from before it again (see above). A city an organizer has since
 * given another ceremony keeps that.
 */
export async function markCeremonyNotHeld(actor: Actor | null, ref: CeremonyRef): Promise<InductionOutcome> {
  authorize(actor, "editProgram");
  return db.$transaction(async (tx) => {
    const ceremony = await ceremonyOf(tx, ref);
    if (!ceremony.heldAt) return { ok: false, refusal: "notHeld" };
    const admitted = await tx.city.findMany({
      where: { inductedBySessionId: ceremony.id },
      select: standingSelect,
    });
    const recorded = await standingsBeforeMarking(tx, ceremony.id);
    const before = admitted.map(standingOf);
    const after = before.map(
      (city): Standing =>
        recorded.get(city.id) ?? {
          id: city.id,
          status: "candidate",
          joinedOn: null,
          memberSince: null,
          inductedBySessionId: null,
        },
    );
    await setHeld(tx, actor, ceremony, null, { before, after });
    return { ok: true, cities: after.length };
  });
}

export type HeldState = {
  status: "draft" | "published" | "cancelled";
  startsAt: string;
  heldAt: string | null;
  /** The meeting's, in which the editor shows times. */
  timeZone: string;
  /** The cities the ceremony admits (or admitted), by name. */
  inductees: Translations[];
};

/** What the editor's "held" form needs: whether the ceremony can be marked now, and whom it admits. */
export async function getHeldState(actor: Actor | null, ref: CeremonyRef): Promise<HeldState | null> {
  authorize(actor, "editProgram");
  const session = await db.session.findFirst({
    where: { id: ref.sessionId, kind: "ceremony", meeting: { slug: ref.meetingSlug } },
    select: {
      status: true,
      startsAt: true,
      heldAt: true,
      meeting: { select: { timeZone: true } },
      inductees: { select: { city: { select: translatedFields("name") } } },
    },
  });
  if (!session) return null;
  return {
    status: session.status,
    startsAt: session.startsAt.toISOString(),
    heldAt: session.heldAt?.toISOString() ?? null,
    timeZone: session.meeting.timeZone,
    inductees: session.inductees.map(({ city }) => translationsOf(city, "name")),
  };
}
