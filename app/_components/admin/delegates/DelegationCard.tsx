import { useLocale, useTranslations } from "next-intl";
import { adminPaths } from "@/app/_lib/admin-paths";
import { Link } from "@/app/_lib/i18n/navigation";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import type { Delegation, DelegationMember } from "@/app/_server/desk/delegations";
import { PersonName } from "./PersonName";

/** One person of a delegation: the name links to the registration, then role, position and organization. */
export function MemberLine({
  member,
  slug,
  showRole = false,
}: {
  member: DelegationMember;
  slug: string;
  showRole?: boolean;
}) {
  const t = useTranslations("adminRegistrations.delegations");
  const tr = useTranslations("roles");
  const locale = useLocale() as AppLocale;
  const details = [showRole ? tr(member.role) : null, member.position, member.organization, member.cityOther]
    .filter(Boolean)
    .join(" · ");
  return (
    <li className="py-1" data-testid="delegation-member">
      <Link
        href={adminPaths.registration(slug, member.id)}
        className="font-medium text-brand-700 underline-offset-2 hover:underline"
      >
        <PersonName person={member} honorific={member.honorific} locale={locale} />
      </Link>
      {member.status === "pending" && (
        <span className="ml-2 inline-block rounded border border-amber-300 bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-900">
          {t("pending")}
        </span>
      )}
      {details && <span className="block text-sm text-slate-600">{details}</span>}
    </li>
  );
}

function Group({
  title,
  members,
  slug,
  empty,
  showRole,
}: {
  title: string;
  members: DelegationMember[];
  slug: string;
  empty?: string;
  showRole?: boolean;
}) {
  if (members.length === 0 && !empty) return null;
  return (
    <div>
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h4>
      {members.length === 0 ? (
        <p className="py-1 text-sm text-slate-600">{empty}</p>
      ) : (
        <ul>
          {members.map((member) => (
            <MemberLine key={member.id} member={member} slug={slug} showRole={showRole} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** A member city's delegation with the share of its quota it uses. */
export function DelegationCard({ delegation, slug }: { delegation: Delegation; slug: string }) {
  const t = useTranslations("adminRegistrations.delegations");
  const locale = useLocale() as AppLocale;
  const { quota, registered } = delegation;
  const full = quota !== null && registered >= quota;
  const city = pick(delegation.name, locale);
  return (
    <section
      aria-label={city}
      className="rounded border border-slate-200 bg-white p-4"
      data-testid="delegation"
      data-city={delegation.cityId}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 className="text-lg font-semibold">{city}</h3>
        <p
          className={`text-sm tabular-nums ${full ? "font-semibold text-red-800" : "text-slate-700"}`}
          data-testid="quota"
        >
          {quota === null ? t("noQuota", { registered }) : t("quotaUsed", { registered, quota })}
          {full && <span className="sr-only"> – {t("quotaFull")}</span>}
        </p>
      </div>
      {quota !== null && (
        <div className="mt-1 h-1.5 rounded bg-slate-100" aria-hidden="true">
          <div
            className={`h-1.5 rounded ${full ? "bg-red-700" : "bg-slate-500"}`}
            style={{ width: `${Math.min(100, quota === 0 ? 100 : (registered / quota) * 100)}%` }}
          />
        </div>
      )}
      {registered === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <div className="mt-2 space-y-2">
          <Group title={t("heads")} members={delegation.heads} slug={slug} empty={t("noHead")} />
          <Group title={t("members")} members={delegation.members} slug={slug} showRole />
          <Group title={t("interpreters")} members={delegation.interpreters} slug={slug} />
        </div>
      )}
    </section>
  );
}
