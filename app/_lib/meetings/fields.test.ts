import { describe, expect, it } from "vitest";
import { personInput, personSlug } from "../people/fields";
import { slugify } from "../slugs";
import { localInputValue, meetingInput, roomInput, schemaFieldErrors, trackInput } from "./fields";

const meeting = {
  slug: "2018",
  titleDe: "Jahrestreffen 2018",
  venueName: "Hannover Messe",
  venueCity: "Hannover",
  venueCountry: "DE",
  timeZone: "Europe/Berlin",
  startsOn: "2018-04-23",
  endsOn: "2018-04-23",
  registrationOpensAt: "2018-03-25T02:30",
  defaultLocale: "de",
};

describe("meeting settings", () => {
  it("reads the registration window in the meeting's zone, whatever the server's zone", () => {
    const parsed = meetingInput.parse({
      ...meeting,
      registrationOpensAt: "2018-02-01T09:00",
      registrationClosesAt: "2018-04-20T18:00",
      published: "on",
    });
    expect(parsed).toMatchObject({
      registrationOpensAt: new Date("2018-02-01T08:00:00Z"),
      registrationClosesAt: new Date("2018-04-20T16:00:00Z"),
      startsOn: new Date("2018-04-23T00:00:00Z"),
      titleEn: "",
      published: true,
      requiresApproval: false,
    });
    expect(localInputValue(parsed.registrationClosesAt, "Asia/Shanghai")).toBe("2018-04-21T00:00");
  });

  it("names every wrong field with its validation key", () => {
    const result = meetingInput.safeParse({
      ...meeting,
      timeZone: "Mars/Olympus",
      venueCountry: "FR",
      endsOn: "2018-04-22",
    });
    expect(result.success || schemaFieldErrors(result.error)).toEqual({
      timeZone: { key: "timeZone" },
      venueCountry: { key: "invalidChoice" },
      endsOn: { key: "endsBeforeStart" },
    });
  });
});

describe("rooms, tracks and people", () => {
  it("reads numbers and colours typed into forms", () => {
    expect(roomInput.parse({ nameDe: "Saal 2", capacity: " 120 ", sortOrder: "" })).toMatchObject({
      capacity: 120,
      sortOrder: 0,
      location: null,
      nameZh: "",
    });
    expect(schemaFieldErrors(roomInput.safeParse({ nameDe: "Saal", capacity: "viele" }).error!)).toEqual({
      capacity: { key: "number" },
    });
    expect(trackInput.parse({ nameDe: "Kommunen", color: "#0F766E" }).color).toBe("#0f766e");
    expect(schemaFieldErrors(trackInput.safeParse({ nameDe: "Kommunen", color: "teal" }).error!)).toEqual({
      color: { key: "color" },
    });
  });

  it("makes keys from Latin names", () => {
    expect(slugify("Halle 2 – Forum")).toBe("halle-2-forum");
    expect(slugify("会议室")).toBe("");
    expect(personSlug({ givenName: "Jürgen", familyName: "Groß" })).toBe("juergen-gross");
    expect(personInput.parse({ givenName: "Wei", familyName: "Wang", slug: "" })).toMatchObject({
      slug: null,
      nameOrder: "given_first",
      cityId: null,
    });
  });
});
