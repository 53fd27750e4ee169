import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/app/_server/authz";
import { db } from "@/app/_server/db";
import { seedDemo } from "@/prisma/seed";
import { createRoleActors, outcome } from "@/test/integration/actors";
import { delegate, demoMeetingId } from "@/test/integration/factories";
import { getDelegations } from "./delegations";
import { setCityQuota } from "./quotas";
import { register } from "../registration/register";

let organizer: Actor;
let admin: Actor;
let checkin: Actor;
let meetingId: string;
let jiangmenId: string;

beforeAll(async () => {
  await seedDemo(db);
  ({ organizer, admin, checkin } = await createRoleActors());
  meetingId = await demoMeetingId();
  jiangmenId = (await db.city.findUniqueOrThrow({ where: { slug: "jiangmen" } })).id;
});

const from = (cityId: string | null, overrides: Parameters<typeof delegate>[0] = {}) =>
  register("2017", delegate({ cityId, cityOther: cityId ? null : "Shenzhen", ...overrides }), {
    locale: "zh",
  });

describe("the delegation view", () => {
  it("is for organizers and admins only", async () => {
    expect(await outcome(getDelegations(null, "2017"))).toBe("unauthenticated");
    expect(await outcome(getDelegations(checkin, "2017"))).toBe("forbidden");
    expect(await outcome(getDelegations(admin, "2017"))).toBe("ok");
    expect(await outcome(getDelegations(organizer, "no-such-meeting"))).toBe("not_found");
  });

  it("groups active registrations by city and role, counting them against the quota as registration does", async () => {
    await setCityQuota(organizer, meetingId, jiangmenId, 4);
    const head = await from(jiangmenId, {
      givenName: "Jun",
      familyName: "Zhao",
      nativeName: "赵军",
      role: "head_of_delegation",
      position: "副市长",
    });
    const member = await from(jiangmenId, { givenName: "Wei", familyName: "Wang", nativeName: "王伟" });
    const guest = await from(jiangmenId, {
      givenName: "Min",
      familyName: "Chen",
      nativeName: "陈敏",
      role: "guest",
    });
    const interpreter = await from(jiangmenId, {
      givenName: "Lan",
      familyName: "Liu",
      nativeName: "刘兰",
      role: "interpreter",
    });
    const outsider = await from(null, {
      givenName: "Hui",
      familyName: "Xu",
      nativeName: "徐慧",
      role: "press",
    });
    // A cancellation frees its place: it is neither listed nor counted.
    await db.registration.update({
      where: { id: guest.id },
      data: { status: "cancelled", activeEmail: null, cancelledAt: new Date() },
    });
    await db.registration.update({ where: { id: member.id }, data: { status: "pending" } });

    const { meeting, delegations, outside } = await getDelegations(organizer, "2017");
    expect(meeting).toMatchObject({ id: meetingId, slug: "2017", defaultLocale: "de" });
    expect(delegations).toHaveLength(await db.city.count());
    const jiangmen = delegations.find((delegation) => delegation.cityId === jiangmenId)!;
    expect(jiangmen).toMatchObject({
      country: "CN",
      quota: 4,
      registered: 3,
      name: { de: "Jiangmen", en: "Jiangmen", zh: "江门" },
    });
    expect(jiangmen.heads.map((person) => [person.id, person.nativeName, person.position])).toEqual([
      [head.id, "赵军", "副市长"],
    ]);
    expect(jiangmen.members.map((person) => [person.id, person.status])).toEqual([[member.id, "pending"]]);
    expect(jiangmen.interpreters.map((person) => person.id)).toEqual([interpreter.id]);
    expect(outside.map((person) => [person.id, person.cityOther, person.role])).toEqual([
      [outsider.id, "Shenzhen", "press"],
    ]);
    const cologne = delegations.find((delegation) => delegation.name.en === "Cologne")!;
    expect(cologne).toMatchObject({
      country: "DE",
      quota: null,
      registered: 0,
      heads: [],
      members: [],
      interpreters: [],
    });

    // The quota's own check counts the same: it refuses to drop below the three listed.
    expect(await outcome(setCityQuota(organizer, meetingId, jiangmenId, 2))).toBe("invalid");
    expect(await outcome(setCityQuota(organizer, meetingId, jiangmenId, 3))).toBe("ok");
    expect(
      (await getDelegations(organizer, "2017")).delegations.find(
        (delegation) => delegation.cityId === jiangmenId,
      )!.quota,
    ).toBe(3);
  });
});
