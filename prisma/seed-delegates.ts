/**
 * The demo's delegates (seed-data/demo-delegates.ts) for the 2017 meeting: registrations with seats and
 * waiting places taken through the registration domain's own seat rules, quotas per city, the email each
 * delegate would have had, and the morning's first check-ins. Embedded demo only (see startup.ts), and
 * only into a meeting without registrations, so that it never mixes with real ones.
 */
import { DateTime } from "luxon";
import type { Db } from "../app/_server/db";
import { queueRegistrationEmail } from "../app/_server/registration/emails/queue";
import { takeSeat } from "../app/_server/registration/seats";
import { newCheckInCode } from "../app/_server/registration/tokens";
import { citySlug, DEMO_MEETING_SLUG } from "./seed";
import { demoAccounts } from "./seed-data/demo-accounts";
import { demoDelegates } from "./seed-data/demo-delegates";

/** Places per member city: enough for every demo delegation, with room to register more. */
const DEMO_QUOTA = 6;

export async function seedDemoDelegates(db: Db): Promise<number> {
  const meeting = await db.meeting.findUnique({
    where: { slug: DEMO_MEETING_SLUG },
    select: {
      id: true,
      timeZone: true,
      startsOn: true,
      registrationOpensAt: true,
      _count: { select: { registrations: true } },
    },
  });
  if (!meeting || meeting._count.registrations > 0) return 0;

  const cities = new Map(
    (await db.city.findMany({ select: { id: true, slug: true } })).map((city) => [city.slug, city.id]),
  );
  const sessions = new Map(
    (await db.session.findMany({ where: { meetingId: meeting.id }, select: { id: true, slug: true } })).map(
      (session) => [session.slug, session.id],
    ),
  );
  await db.cityQuota.createMany({
    data: [...cities.values()].map((cityId) => ({ meetingId: meeting.id, cityId, delegates: DEMO_QUOTA })),
    skipDuplicates: true,
  });
  const staff = await db.user.findUnique({
    where: { email: demoAccounts.find((account) => account.role === "checkin")!.email },
    select: { id: true, email: true },
  });

  const opened = DateTime.fromJSDate(meeting.registrationOpensAt ?? new Date(), { zone: meeting.timeZone });
  const meetingMorning = DateTime.fromISO(`${meeting.startsOn.toISOString().slice(0, 10)}T08:00`, {
    zone: meeting.timeZone,
  });

  for (const [index, person] of demoDelegates.entries()) {
    const {
      city,
      sessions: sessionSlugs,
      status,
      registeredAfterDays,
      checkedInAfterMinutes,
      ...details
    } = person;
    const createdAt = opened
      .plus({ days: registeredAfterDays, hours: 9 + (index % 9), minutes: (index * 17) % 60 })
      .toJSDate();
    const active = status === "pending" || status === "confirmed";
    await db.$transaction(async (tx) => {
      const registration = await tx.registration.create({
        data: {
          ...details,
          meetingId: meeting.id,
          cityId: city ? cities.get(citySlug(city))! : null,
          nameOrder: details.nativeName ? "family_first" : "given_first",
          status,
          activeEmail: active ? details.email : null,
          privacyConsentAt: createdAt,
          listConsent: index % 4 !== 0,
          photoConsent: index % 3 !== 0,
          checkInCode: newCheckInCode(),
          createdAt,
          cancelledAt: active ? null : createdAt,
        },
        select: { id: true },
      });
      // Seats in id order, as the domain takes them; those who dropped out hold none.
      if (active)
        for (const sessionId of sessionSlugs.map((slug) => sessions.get(slug)!).sort())
          await takeSeat(tx, registration.id, sessionId);
      const kind = {
        pending: "received",
        confirmed: "confirmed",
        cancelled: "cancelled",
        rejected: "rejected",
      } as const;
      await queueRegistrationEmail(tx, { kind: kind[status], registrationId: registration.id });
      if (checkedInAfterMinutes !== null && staff) {
        await tx.checkIn.create({
          data: {
            registrationId: registration.id,
            meetingId: meeting.id,
            at: meetingMorning.plus({ minutes: checkedInAfterMinutes }).toJSDate(),
            staffId: staff.id,
            staffEmail: staff.email,
          },
        });
      }
    });
  }
  return demoDelegates.length;
}
