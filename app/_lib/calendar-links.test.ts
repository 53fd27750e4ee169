import { describe, expect, it } from "vitest";
import { calendarLinks } from "./calendar-links";

describe("subscribe links", () => {
  it("points every calendar app at the same feed", () => {
    const links = calendarLinks("https://meeting.example/calendar/2017.ics", "Jahrestreffen 2017 · 中德");
    expect(links).toEqual({
      https: "https://meeting.example/calendar/2017.ics",
      webcal: "webcal://meeting.example/calendar/2017.ics",
      google:
        "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fmeeting.example%2Fcalendar%2F2017.ics",
      outlook:
        "https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Fmeeting.example%2Fcalendar%2F2017.ics&name=Jahrestreffen%202017%20%C2%B7%20%E4%B8%AD%E5%BE%B7",
      outlookWork:
        "https://outlook.office.com/calendar/0/addfromweb?url=https%3A%2F%2Fmeeting.example%2Fcalendar%2F2017.ics&name=Jahrestreffen%202017%20%C2%B7%20%E4%B8%AD%E5%BE%B7",
    });
  });

  it("turns a plain http address (the demo) into webcal too", () => {
    expect(calendarLinks("http://localhost:3000/calendar/2017.ics", "x").webcal).toBe(
      "webcal://localhost:3000/calendar/2017.ics",
    );
  });
});
