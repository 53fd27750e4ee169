import { describe, expect, it } from "vitest";
import { findConflicts, isWithinMeetingDays, personConflicts, type ScheduledSession } from "./conflicts";
import { changesCalendar, nextSequence } from "./sequence";

const days = { startsOn: "2017-04-24", endsOn: "2017-04-24", timeZone: "Europe/Berlin" };

function session(
  overrides: Partial<ScheduledSession & { capacity: number | null }>,
): ScheduledSession & { capacity: number | null } {
  return {
    id: "new",
    title: "New",
    startsAt: "2017-04-24T08:00:00Z", // 10:00 in Hannover
    endsAt: "2017-04-24T09:00:00Z",
    roomId: "hall",
    status: "draft",
    personIds: [],
    capacity: null,
    ...overrides,
  };
}

const opening = session({
  id: "opening",
  title: "Opening",
  startsAt: "2017-04-24T07:30:00Z",
  endsAt: "2017-04-24T08:30:00Z",
  personIds: ["ost"],
  status: "published",
});

describe("findConflicts", () => {
  it("finds nothing for a session alone in its room, on the meeting's day", () => {
    expect(findConflicts(session({}), [], { days, roomCapacity: 100 })).toEqual([]);
  });

  it("names the session that holds the room", () => {
    expect(findConflicts(session({}), [opening], { days, roomCapacity: null })).toEqual([
      {
        kind: "room",
        with: {
          id: "opening",
          title: "Opening",
          startsAt: "2017-04-24T07:30:00.000Z",
          endsAt: "2017-04-24T08:30:00.000Z",
        },
      },
    ]);
  });

  it("lets sessions meet at the minute without clashing, and ignores other rooms and cancelled sessions", () => {
    const after = session({ startsAt: "2017-04-24T08:30:00Z", endsAt: "2017-04-24T09:00:00Z" });
    expect(findConflicts(after, [opening], { days, roomCapacity: null })).toEqual([]);
    expect(findConflicts(session({ roomId: "foyer" }), [opening], { days, roomCapacity: null })).toEqual([]);
    expect(
      findConflicts(session({}), [{ ...opening, status: "cancelled" }], { days, roomCapacity: null }),
    ).toEqual([]);
  });

  it("finds a person in two places at once, in another room too", () => {
    const conflicts = findConflicts(session({ roomId: "foyer", personIds: ["ost", "berg"] }), [opening], {
      days,
      roomCapacity: null,
    });
    expect(conflicts).toEqual([
      { kind: "person", personId: "ost", with: expect.objectContaining({ id: "opening" }) },
    ]);
  });

  it("does not compare a session with its own stored version", () => {
    expect(findConflicts(opening, [opening], { days, roomCapacity: null })).toEqual([]);
  });

  it("refuses a capacity above the room's and reports both numbers", () => {
    expect(findConflicts(session({ capacity: 120 }), [], { days, roomCapacity: 100 })).toEqual([
      { kind: "roomCapacity", capacity: 120, roomCapacity: 100 },
    ]);
    expect(findConflicts(session({ capacity: 100 }), [], { days, roomCapacity: 100 })).toEqual([]);
  });

  it("reports sessions outside the meeting's days in the meeting's zone", () => {
    // 23:30 in Hannover on the 23rd is 21:30Z: the day before, although UTC and Shanghai disagree about dates.
    const early = session({ startsAt: "2017-04-23T21:30:00Z", endsAt: "2017-04-23T22:30:00Z" });
    expect(findConflicts(early, [], { days, roomCapacity: null })).toEqual([
      { kind: "outsideDays", startsOn: "2017-04-24", endsOn: "2017-04-24" },
    ]);
    // 00:30 on the 24th in Hannover is 22:30Z on the 23rd: inside.
    expect(
      isWithinMeetingDays({ startsAt: "2017-04-23T22:30:00Z", endsAt: "2017-04-23T23:00:00Z" }, days),
    ).toBe(true);
    // Ending at midnight ends on the meeting's day; one minute later does not.
    expect(
      isWithinMeetingDays({ startsAt: "2017-04-24T20:00:00Z", endsAt: "2017-04-24T22:00:00Z" }, days),
    ).toBe(true);
    expect(
      isWithinMeetingDays({ startsAt: "2017-04-24T20:00:00Z", endsAt: "2017-04-24T22:01:00Z" }, days),
    ).toBe(false);
  });

  it("checks nothing for a cancelled session", () => {
    expect(
      findConflicts(session({ status: "cancelled", capacity: 500 }), [opening], { days, roomCapacity: 10 }),
    ).toEqual([]);
  });
});

describe("personConflicts", () => {
  it("lists each person booked elsewhere, except in the session named", () => {
    const interval = { startsAt: "2017-04-24T08:00:00Z", endsAt: "2017-04-24T08:10:00Z" };
    expect(
      personConflicts(interval, ["ost"], [opening]).map(
        (conflict) => conflict.kind === "person" && conflict.personId,
      ),
    ).toEqual(["ost"]);
    expect(personConflicts(interval, ["ost"], [opening], "opening")).toEqual([]);
    expect(personConflicts(interval, ["berg"], [opening])).toEqual([]);
  });
});

describe("calendar sequence", () => {
  const before = {
    startsAt: "2017-04-24T08:00:00Z",
    endsAt: "2017-04-24T09:00:00Z",
    roomId: "hall",
    status: "published",
    firstPublishedAt: "2017-03-01T08:00:00Z",
  };
  it("rises on a change of time, place or status and not otherwise", () => {
    expect(nextSequence(3, before, { ...before })).toBe(3);
    expect(nextSequence(3, before, { ...before, startsAt: new Date("2017-04-24T08:15:00Z") })).toBe(4);
    expect(nextSequence(3, before, { ...before, endsAt: "2017-04-24T09:15:00Z" })).toBe(4);
    expect(nextSequence(3, before, { ...before, roomId: null })).toBe(4);
    expect(changesCalendar(before, { ...before, status: "cancelled" })).toBe(true);
    expect(changesCalendar(before, { ...before, startsAt: new Date("2017-04-24T08:00:00Z") })).toBe(false);
  });

  it("stays at 0 while the session was never published: no calendar has seen it", () => {
    const draft = { ...before, status: "draft", firstPublishedAt: null };
    expect(nextSequence(0, draft, { ...draft, startsAt: "2017-04-24T10:00:00Z" })).toBe(0);
    expect(nextSequence(0, draft, { ...draft, status: "published" })).toBe(0);
    expect(nextSequence(0, { ...draft, firstPublishedAt: "2017-03-01T08:00:00Z" }, before)).toBe(1);
  });
});
