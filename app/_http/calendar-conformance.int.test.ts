import { beforeAll, describe, expect, it } from "vitest";
import { parseWithIcalJs, parseWithNodeIcal } from "@/test/ical";
import { libicalProblems } from "@/test/libical";
import { sinkForTheApp } from "@/test/smtp-sink";

/**
 * Every kind of calendar the app gives delegates, read by libical (parser and restriction check) and by the
 * strict parsers of test/ical.ts: the meeting's feed, a track's and a kind's, a session's download (of a
 * cancelled session long over), a personal feed and the calendars of confirmation emails.
 */
const sink = await sinkForTheApp({ MAIL_MAX_ATTEMPTS: "3", PUBLIC_URL: "https://meeting.example" });

const { db } = await import("@/app/_server/db");
const { seedDemo } = await import("@/prisma/seed");
const meetingRoute = await import("@/app/calendar/[slug]/route");
const trackRoute = await import("@/app/calendar/[slug]/tracks/[track]/route");
const kindRoute = await import("@/app/calendar/[slug]/kinds/[kind]/route");
const sessionRoute = await import("@/app/calendar/[slug]/sessions/[id]/route");
const personalRoute = await import("@/app/calendar/personal/[token]/route");
const { register } = await import("@/app/_server/registration/register");
const { deliverOutbox } = await import("@/app/_server/mail/delivery");
const { closeMailTransport } = await import("@/app/_server/mail/transport");
const { personalCalendarToken } = await import("@/app/_server/self-service/calendar-link");
const { delegate, demoMeetingId, limitedSession } = await import("@/test/integration/factories");

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

async function text<P>(handler: Handler<P>, path: string, params: P): Promise<string> {
  const response = await handler(new Request(`https://meeting.example${path}`), {
    params: Promise.resolve(params),
  });
  expect(response.status).toBe(200);
  return response.text();
}

/** Where an installation from before the stored setting ran: its UIDs carried the host of its PUBLIC_URL then. */
const INSTALLED_DOMAIN = "alliance.example";

let meetingId: string;
let open: { id: string; status: string }[];
const calendars = new Map<string, string>();
const registrations: Record<"seats" | "none", { id: string; email: string }> = {
  seats: { id: "", email: "" },
  none: { id: "", email: "" },
};
let seatIds: { roomy: string; full: string };

beforeAll(async () => {
  await seedDemo(db);
  await db.installationSetting.create({ data: { name: "calendarUidDomain", value: INSTALLED_DOMAIN } });
  meetingId = await demoMeetingId();
  // Cancelled, and over since 2017.
  const cancelled = await db.session.update({
    where: { meetingId_slug: { meetingId, slug: "panel-staedte" } },
    data: { status: "cancelled", sequence: { increment: 1 } },
  });
  open = await db.session.findMany({
    where: { meetingId, capacity: null, status: { in: ["published", "cancelled"] } },
    select: { id: true, status: true },
  });
  seatIds = { roomy: await limitedSession(30, 0), full: await limitedSession(1, 2) };
  await register("2017", delegate({ sessionIds: [seatIds.full], language: "en" }), { locale: "en" });
  const seats = await register(
    "2017",
    delegate({ sessionIds: [seatIds.roomy, seatIds.full], language: "de" }),
    {
      locale: "de",
    },
  );
  const none = await register("2017", delegate({ sessionIds: [], language: "zh" }), { locale: "zh" });
  for (const [key, answer] of [
    ["seats", seats],
    ["none", none],
  ] as const) {
    const row = await db.registration.findUniqueOrThrow({
      where: { id: answer.id },
      select: { email: true },
    });
    registrations[key] = { id: answer.id, email: row.email };
  }
  expect((await deliverOutbox()).failed).toBe(0);
  closeMailTransport();
  await sink.stop();

  calendars.set(
    "meeting feed (de)",
    await text(meetingRoute.GET, "/calendar/2017.ics", { slug: "2017.ics" }),
  );
  calendars.set(
    "meeting feed (zh)",
    await text(meetingRoute.GET, "/calendar/2017.ics?lang=zh", { slug: "2017.ics" }),
  );
  calendars.set(
    "track feed",
    await text(trackRoute.GET, "/calendar/2017/tracks/plenum.ics", { slug: "2017", track: "plenum.ics" }),
  );
  calendars.set(
    "kind feed",
    await text(kindRoute.GET, "/calendar/2017/kinds/workshop.ics?lang=en", {
      slug: "2017",
      kind: "workshop.ics",
    }),
  );
  calendars.set(
    "download of a cancelled session that has ended",
    await text(sessionRoute.GET, `/calendar/2017/sessions/${cancelled.id}.ics`, {
      slug: "2017",
      id: `${cancelled.id}.ics`,
    }),
  );
  const token = await personalCalendarToken(seats.id);
  calendars.set(
    "personal feed",
    await text(personalRoute.GET, `/calendar/personal/${token}.ics`, { token: `${token}.ics` }),
  );
  for (const [key, { email }] of Object.entries(registrations)) {
    const [confirmation] = sink.to(email);
    expect(confirmation!.attachments.map((attachment) => attachment.contentType)).toContain("text/calendar");
    const ics = confirmation!.attachments.find((attachment) => attachment.contentType === "text/calendar")!;
    calendars.set(`confirmation (${key})`, ics.content.toString("utf8"));
  }
});

describe("calendars for delegates", () => {
  it("all pass libical's restriction check and both strict parsers, with events under the installed UID domain", () => {
    expect([...calendars.keys()]).toHaveLength(8);
    for (const [name, calendar] of calendars) {
      expect([name, libicalProblems(calendar)]).toEqual([name, []]);
      const events = parseWithIcalJs(calendar).events;
      expect([name, events.length > 0]).toEqual([name, true]);
      expect(parseWithNodeIcal(calendar).map((event) => event.uid)).toEqual(events.map((event) => event.uid));
      expect(events.filter((event) => !event.uid.endsWith(`@${INSTALLED_DOMAIN}`))).toEqual([]);
      expect(calendar).not.toContain("METHOD:");
      // Links follow PUBLIC_URL; UIDs do not.
      expect(calendar).toContain("https://meeting.example/");
    }
  });

  it("are refused by the same check in the shape they had before (METHOD:PUBLISH without ORGANIZER): the control", () => {
    const before = calendars
      .get("meeting feed (de)")!
      .replace("VERSION:2.0\r\n", "VERSION:2.0\r\nMETHOD:PUBLISH\r\n");
    expect(libicalProblems(before)).toEqual([
      "VEVENT: Failed iTIP restrictions for ORGANIZER property. Expected 1 instances of the property and got 0",
    ]);
  });

  it("give a cancelled session that has ended as CANCELLED, in the feed and as its download", () => {
    const cancelled = open.find((session) => session.status === "cancelled")!;
    const uid = `${cancelled.id}@${INSTALLED_DOMAIN}`;
    for (const name of ["meeting feed (de)", "download of a cancelled session that has ended"])
      expect(parseWithIcalJs(calendars.get(name)!).events.find((event) => event.uid === uid)?.status).toBe(
        "CANCELLED",
      );
  });

  it("carry the whole program in the confirmation: the open sessions, the seats and, as free time, the waiting places", () => {
    const openUids = open.map((session) => `${session.id}@${INSTALLED_DOMAIN}`).sort();
    const statusOf = (name: string) =>
      Object.fromEntries(
        parseWithIcalJs(calendars.get(name)!).events.map((event) => [event.uid, event.status]),
      );
    const expectedOpen = Object.fromEntries(
      open.map((session) => [
        `${session.id}@${INSTALLED_DOMAIN}`,
        session.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
      ]),
    );
    // Without any seat session: a calendar all the same, the sessions open to everyone.
    expect(Object.keys(statusOf("confirmation (none)")).sort()).toEqual(openUids);
    expect(statusOf("confirmation (none)")).toEqual(expectedOpen);
    const program = {
      ...expectedOpen,
      [`${seatIds.roomy}@${INSTALLED_DOMAIN}`]: "CONFIRMED",
      [`${seatIds.full}@${INSTALLED_DOMAIN}`]: "TENTATIVE",
    };
    expect(statusOf("confirmation (seats)")).toEqual(program);
    expect(statusOf("personal feed")).toEqual(program);
    const waiting = calendars
      .get("confirmation (seats)")!
      .split("BEGIN:VEVENT")
      .find((block) => block.includes(`UID:${seatIds.full}@${INSTALLED_DOMAIN}\r\n`))!;
    expect(waiting).toContain("\r\nTRANSP:TRANSPARENT\r\n");
    expect(waiting).toContain("\r\nX-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE\r\n");
  });

  it("keep the stored UID domain: PUBLIC_URL's host does not replace it", async () => {
    expect(await db.installationSetting.findMany({ select: { name: true, value: true } })).toEqual([
      { name: "calendarUidDomain", value: INSTALLED_DOMAIN },
    ]);
  });
});
