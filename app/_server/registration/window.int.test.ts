import { describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { seedDemo } from "@/prisma/seed";
import { createMeetingRow, delegate } from "@/test/integration/factories";
import { refusal } from "@/test/integration/refusal";
import { getMeeting } from "../meetings/queries";
import { register } from "./register";

describe("a meeting without a closing date", () => {
  it("takes registrations on its last day and refuses them the day after it ended", async () => {
    // Monday 23 April 2018 in Hannover: the last day ends at midnight there, 22:00 UTC.
    const { slug } = await createMeetingRow({ published: true, registrationClosesAt: null });
    const lastEvening = await register(slug, delegate(), {
      locale: "de",
      now: new Date("2018-04-23T21:59:00Z"),
    });
    expect(lastEvening.status).toBe("confirmed");
    const midnight = await refusal(
      register(slug, delegate(), { locale: "de", now: new Date("2018-04-23T22:00:00Z") }),
    );
    expect(midnight.code).toBe("registration_closed");
    const nextDay = await refusal(
      register(slug, delegate(), { locale: "zh", now: new Date("2018-04-24T10:00:00Z") }),
    );
    expect(nextDay.code).toBe("registration_closed");
    expect(await db.registration.count({ where: { meeting: { slug } } })).toBe(1);
  });

  it("tells the public pages and the JSON API the same closing time", async () => {
    const { slug } = await createMeetingRow({ published: true, registrationClosesAt: null });
    expect((await getMeeting(slug)).registration).toEqual({
      opensAt: null,
      closesAt: "2018-04-23T22:00:00.000Z",
      requiresApproval: false,
    });
  });

  it("keeps the demo meeting open: it sets its deadline explicitly", async () => {
    await seedDemo(db);
    const { registration } = await getMeeting("2017");
    expect(new Date(registration.closesAt).getTime()).toBeGreaterThan(Date.now() + 300 * 86_400_000);
    expect(new Date(registration.closesAt).toISOString().slice(5)).toMatch(/^12-31T23:00:00\.000Z$/);
  });
});
