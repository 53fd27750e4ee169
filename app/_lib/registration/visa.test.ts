import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fieldErrorsOf } from "./fields";
import {
  nationalities,
  nationalityOptions,
  travelOutsideWindow,
  visaLetterExpectedBy,
  visaLetterStatus,
  visaRequest,
} from "./visa";

const good = {
  visaLetter: true,
  passportNumber: "e 1234-5678",
  nationality: "CN",
  birthDate: "1980-05-01",
  passportExpiry: "2027-08-01",
  arrivalDate: "2027-04-20",
  departureDate: "2027-04-28",
};

function errors(input: Record<string, unknown>) {
  const parsed = visaRequest.safeParse(input);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
}

describe("visa request", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2027-03-01T12:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("gives the details, the passport number as printed", () => {
    expect(visaRequest.parse(good)).toEqual({
      visa: { ...good, visaLetter: undefined, passportNumber: "E12345678" },
    });
  });

  it("drops whatever was sent without a letter", () => {
    expect(visaRequest.parse({ ...good, visaLetter: false })).toEqual({ visa: null });
    expect(visaRequest.parse({})).toEqual({ visa: null });
  });

  it("asks for every field once the letter is asked for", () => {
    expect(errors({ visaLetter: true })).toEqual({
      passportNumber: { key: "required" },
      nationality: { key: "required" },
      birthDate: { key: "required" },
      passportExpiry: { key: "required" },
      arrivalDate: { key: "required" },
      departureDate: { key: "required" },
    });
  });

  it("refuses numbers that are no passport number, and unknown nationalities", () => {
    for (const passportNumber of ["E123", "E1234567890123456789X", "E12345678!", "护照12345"])
      expect(errors({ ...good, passportNumber })).toEqual({ passportNumber: { key: "passportNumber" } });
    expect(errors({ ...good, nationality: "XX" })).toEqual({ nationality: { key: "invalidChoice" } });
    expect(errors({ ...good, nationality: "cn" })).toEqual({ nationality: { key: "invalidChoice" } });
  });

  it("takes plausible dates only", () => {
    expect(errors({ ...good, birthDate: "1899-12-31" })).toEqual({ birthDate: { key: "birthDate" } });
    // Sixteen on the day: accepted; a day younger: not.
    expect(errors({ ...good, birthDate: "2011-03-01" })).toEqual({});
    expect(errors({ ...good, birthDate: "2011-03-02" })).toEqual({ birthDate: { key: "birthDate" } });
    expect(errors({ ...good, birthDate: "2027-02-30" })).toEqual({ birthDate: { key: "date" } });
    expect(errors({ ...good, arrivalDate: "20.04.2027" })).toEqual({ arrivalDate: { key: "date" } });
    expect(errors({ ...good, departureDate: "2027-04-19" })).toEqual({
      departureDate: { key: "departureBeforeArrival" },
    });
  });

  it("wants the passport valid three months after the departure", () => {
    expect(errors({ ...good, passportExpiry: "2027-07-28" })).toEqual({});
    expect(errors({ ...good, passportExpiry: "2027-07-27" })).toEqual({
      passportExpiry: { key: "passportExpiry" },
    });
  });
});

describe("travel window", () => {
  const meeting = { startsOn: "2027-04-26", endsOn: "2027-04-28" };

  it("takes arrival from 30 days before to the last day, departure from the first day to 30 days after", () => {
    expect(travelOutsideWindow({ arrivalDate: "2027-03-27", departureDate: "2027-05-28" }, meeting)).toEqual(
      [],
    );
    expect(travelOutsideWindow({ arrivalDate: "2027-03-26", departureDate: "2027-05-29" }, meeting)).toEqual([
      "arrivalDate",
      "departureDate",
    ]);
    expect(travelOutsideWindow({ arrivalDate: "2027-04-29", departureDate: "2027-04-25" }, meeting)).toEqual([
      "arrivalDate",
      "departureDate",
    ]);
  });
});

describe("the letter's course", () => {
  it("is the latest step with a date", () => {
    const day = new Date("2027-03-05T00:00:00Z");
    expect(visaLetterStatus({ issuedOn: null, sentOn: null })).toBe("requested");
    expect(visaLetterStatus({ issuedOn: day, sentOn: null })).toBe("issued");
    expect(visaLetterStatus({ issuedOn: day, sentOn: day })).toBe("sent");
  });

  it("is expected after the meeting's working days, counted in its zone", () => {
    // Friday 5 March 2027, 23:30 in Berlin is already Saturday 6 March there: 10 working days → 19 March.
    expect(visaLetterExpectedBy(new Date("2027-03-05T22:30:00Z"), 10, "Europe/Berlin")).toBe("2027-03-19");
    // The same instant in UTC is still Friday: Monday 8 … Friday 19 March.
    expect(visaLetterExpectedBy(new Date("2027-03-05T22:30:00Z"), 10, "UTC")).toBe("2027-03-19");
    expect(visaLetterExpectedBy(new Date("2027-03-05T10:00:00Z"), 1, "Europe/Berlin")).toBe("2027-03-08");
    expect(visaLetterExpectedBy(new Date("2027-03-04T10:00:00Z"), 1, "Europe/Berlin")).toBe("2027-03-05");
  });
});

describe("nationalities", () => {
  it("are the ISO 3166-1 codes, named in the visitor's language", () => {
    expect(nationalities).toHaveLength(249);
    expect(new Set(nationalities).size).toBe(249);
    const zh = nationalityOptions("zh");
    expect(zh.find((option) => option.code === "CN")?.name).toBe("中国");
    expect(nationalityOptions("de").find((option) => option.code === "DE")?.name).toBe("Deutschland");
    expect(zh.every((option) => option.name !== option.code)).toBe(true);
  });
});
