import "server-only";
import { translationsOf, type Translations } from "@/app/_lib/i18n/localized";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { SLUG } from "@/app/_lib/ids";
import type { DelegateRole } from "@/app/_lib/registration/fields";
import { authorize, type Actor } from "../authz";
import { db } from "../db";
import { notFound } from "../errors";
import { ACTIVE_REGISTRATION } from "../meetings/admin-queries";
import { delegateIdentitySelect, type DelegateIdentity } from "../registration/view";

/**
 * The delegations of a meeting, city by city: who leads, who comes, who interprets, and how much of the
 * city's quota that uses. Only active registrations (pending and confirmed) appear: they are the ones a
 * quota counts (ACTIVE_REGISTRATION), so the count beside the quota is the number of people listed.
 */

export type DelegationMember = DelegateIdentity & {
  id: string;
  role: DelegateRole;
  status: "pending" | "confirmed";
  /** Where a delegate from outside the member cities comes from. */
  cityOther: string | null;
};

export type Delegation = {
  cityId: string;
  name: Translations;
  country: "DE" | "CN";
  /** null: no limit. */
  quota: number | null;
  /** Active registrations from the city, every role: what the quota counts. */
  registered: number;
  heads: DelegationMember[];
  /** Delegates, press and guests. */
  members: DelegationMember[];
  interpreters: DelegationMember[];
};

export type DelegationsOverview = {
  meeting: { id: string; slug: string; title: Translations; defaultLocale: AppLocale };
  /** Every member city, with or without registrations. */
  delegations: Delegation[];
  /** Active registrations from outside the member cities. */
  outside: DelegationMember[];
};

/** Heads first, then delegates, press and guests, each by family name. */
const roleOrder: Record<DelegateRole, number> = {
  head_of_delegation: 0,
  delegate: 1,
  press: 2,
  guest: 3,
  interpreter: 4,
};

export async function getDelegations(actor: Actor | null, meetingSlug: string): Promise<DelegationsOverview> {
  authorize(actor, "manageRegistrations");
  const meeting = SLUG.test(meetingSlug)
    ? await db.meeting.findUnique({
        where: { slug: meetingSlug },
        select: { id: true, slug: true, titleDe: true, titleEn: true, titleZh: true, defaultLocale: true },
      })
    : null;
  if (!meeting) throw notFound("Meeting");
  const [cities, quotas, registrations] = await Promise.all([
    db.city.findMany({
      select: { id: true, country: true, nameDe: true, nameEn: true, nameZh: true },
      orderBy: { nameDe: "asc" },
    }),
    db.cityQuota.findMany({ where: { meetingId: meeting.id }, select: { cityId: true, delegates: true } }),
    db.registration.findMany({
      where: { meetingId: meeting.id, status: { in: [...ACTIVE_REGISTRATION] } },
      select: {
        id: true,
        ...delegateIdentitySelect,
        role: true,
        status: true,
        cityId: true,
        cityOther: true,
      },
      orderBy: [{ familyName: "asc" }, { givenName: "asc" }, { id: "asc" }],
    }),
  ]);
  const quotaOf = new Map(quotas.map((quota) => [quota.cityId, quota.delegates]));
  const byCity = new Map<string | null, DelegationMember[]>();
  for (const { cityId, ...row } of [...registrations].sort((a, b) => roleOrder[a.role] - roleOrder[b.role])) {
    const member: DelegationMember = { ...row, status: row.status as DelegationMember["status"] };
    byCity.set(cityId, [...(byCity.get(cityId) ?? []), member]);
  }
  return {
    meeting: {
      id: meeting.id,
      slug: meeting.slug,
      title: translationsOf(meeting, "title"),
      defaultLocale: meeting.defaultLocale,
    },
    delegations: cities.map((city) => {
      const people = byCity.get(city.id) ?? [];
      return {
        cityId: city.id,
        name: translationsOf(city, "name"),
        country: city.country,
        quota: quotaOf.get(city.id) ?? null,
        registered: people.length,
        heads: people.filter((person) => person.role === "head_of_delegation"),
        members: people.filter(
          (person) => person.role !== "head_of_delegation" && person.role !== "interpreter",
        ),
        interpreters: people.filter((person) => person.role === "interpreter"),
      };
    }),
    outside: byCity.get(null) ?? [],
  };
}
