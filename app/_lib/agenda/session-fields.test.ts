import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../registration/fields";
import { sessionClock, sessionFields, sessionInputFromForm, sessionInterval } from "./session-fields";

const form = {
  meetingSlug: "2017",
  titleDe: " Eröffnung ",
  titleEn: "",
  kind: "keynote",
  date: "2017-04-24",
  startTime: "09:30",
  endTime: "10:00",
  roomId: "",
  trackId: "",
  capacity: "",
  speakerPerson: ["p1", "", "p2"],
  speakerRole: ["host", "speaker", "moderator"],
  languages: "de",
};

describe("session editor input", () => {
  it("reads the form: speaker rows in order without empty ones, single boxes as lists, empty texts as null", () => {
    const parsed = sessionFields.parse(sessionInputFromForm(form));
    expect(parsed).toMatchObject({
      titleDe: "Eröffnung",
      titleEn: null,
      roomId: null,
      capacity: null,
      speakers: [
        { personId: "p1", role: "host" },
        { personId: "p2", role: "moderator" },
      ],
      languages: ["de"],
      interpretation: [],
      override: false,
      reason: null,
    });
    expect(
      sessionFields.parse(
        sessionInputFromForm({ ...form, capacity: "40", override: "on", reason: "Absprache" }),
      ),
    ).toMatchObject({
      capacity: 40,
      override: true,
      reason: "Absprache",
    });
  });

  it("names every problem at once with validation keys", () => {
    const result = sessionFields.safeParse(
      sessionInputFromForm({
        ...form,
        titleDe: " ",
        date: "2017-02-30",
        startTime: "10:00",
        endTime: "09:00",
        capacity: "0",
        speakerPerson: ["p1", "p1"],
      }),
    );
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({
      titleDe: { key: "required" },
      date: { key: "date" },
      endTime: { key: "endsBeforeStart" },
      capacity: { key: "tooSmall" },
      speakers: { key: "duplicate" },
    });
  });

  it("turns the meeting's clock into UTC instants and back, whatever the server's zone", () => {
    const interval = sessionInterval(
      { date: "2017-04-24", startTime: "09:30", endTime: "10:00" },
      "Europe/Berlin",
    );
    expect([interval.startsAt.toISOString(), interval.endsAt.toISOString()]).toEqual([
      "2017-04-24T07:30:00.000Z",
      "2017-04-24T08:00:00.000Z",
    ]);
    expect(sessionClock(interval.startsAt, interval.endsAt, "Europe/Berlin")).toEqual({
      date: "2017-04-24",
      startTime: "09:30",
      endTime: "10:00",
    });
    expect(sessionClock(interval.startsAt, interval.endsAt, "Asia/Shanghai")).toEqual({
      date: "2017-04-24",
      startTime: "15:30",
      endTime: "16:00",
    });
  });
});
