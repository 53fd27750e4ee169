import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CheckInCard } from "@/app/_components/admin/check-in/CheckInCard";
import { CheckInFinder } from "@/app/_components/admin/check-in/CheckInFinder";
import { RoleChip } from "@/app/_components/admin/check-in/role-style";
import { PersonName } from "@/app/_components/admin/delegates/PersonName";
import { MeetingAdminNav } from "@/app/_components/admin/MeetingAdminNav";
import { adminPaths } from "@/app/_lib/admin-paths";
import { formatCheckInCode, normalizeCheckInCode } from "@/app/_lib/check-in-code";
import { Link } from "@/app/_lib/i18n/navigation";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { RECORD_ID } from "@/app/_lib/ids";
import { placeNameWithChinese } from "@/app/_lib/places";
import { pageActor } from "@/app/_server/authz";
import {
  findByCheckInCode,
  getCheckInCard,
  getCheckInMeeting,
  searchForCheckIn,
} from "@/app/_server/check-in/queries";
import { orNotFound } from "@/app/_server/pages";
import { checkInAction } from "./actions";

type Search = { q?: string | string[]; code?: string | string[]; id?: string | string[] };
type Props = { params: Promise<{ locale: AppLocale; slug: string }>; searchParams: Promise<Search> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminOnSite.checkIn" });
  return { title: t("title") };
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

/**
 * The check-in desk, made for a phone at the entrance: find a delegate (camera, name, code), see who
 * they are, check them in with one tap. `?code=` opens a delegate directly: the QR code on badges and in
 * emails holds this address, so a phone's own camera app lands here too.
 */
export default async function CheckInPage({ params, searchParams }: Props) {
  const [{ locale, slug }, search] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  const actor = await pageActor(locale, "checkIn", adminPaths.checkIn(slug));
  const meeting = await orNotFound(getCheckInMeeting(actor, slug));
  const [t, tr] = await Promise.all([getTranslations("adminOnSite.checkIn"), getTranslations("roles")]);
  const [q, codeInput, id] = [one(search.q), one(search.code), one(search.id)];
  const code = codeInput ? normalizeCheckInCode(codeInput) : null;

  const card = code
    ? await findByCheckInCode(actor, meeting.id, code)
    : id && RECORD_ID.test(id)
      ? await getCheckInCard(actor, meeting.id, id)
      : null;
  const found = !codeInput && !id && q ? await searchForCheckIn(actor, meeting.id, q) : null;
  const path = adminPaths.checkIn(slug);

  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">
        {t("title")} · {pick(meeting.title, locale, meeting.defaultLocale)}
      </h1>
      <MeetingAdminNav slug={slug} role={actor.role} />
      <p
        role="status"
        data-testid="check-in-count"
        className="rounded-lg bg-slate-100 px-4 py-3 text-lg font-semibold"
      >
        {t("count", { checkedIn: meeting.checkedIn, confirmed: meeting.confirmed })}
      </p>

      {card && (
        <CheckInCard
          key={card.id}
          card={card}
          locale={locale}
          timeZone={meeting.timeZone}
          action={checkInAction}
        />
      )}
      {codeInput && !code && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-4 py-3 text-red-900">
          {t("codeInvalid", { input: codeInput.slice(0, 40) })}
        </p>
      )}
      {code && !card && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-4 py-3 text-red-900">
          {t("codeUnknown", { code: formatCheckInCode(code) })}
        </p>
      )}
      {id && !codeInput && !card && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-4 py-3 text-red-900">
          {t("gone")}
        </p>
      )}
      {found && (
        <section aria-labelledby="hits-title" className="space-y-2">
          <h2 id="hits-title" className="text-lg font-semibold">
            {t("hits", { q })}
          </h2>
          {found.hits.length === 0 && <p>{t("noHits")}</p>}
          {found.hits.length > 0 && (
            <ul
              className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white"
              data-testid="check-in-hits"
            >
              {found.hits.map((hit) => (
                <li key={hit.id}>
                  <Link href={`${path}?id=${hit.id}`} className="block min-h-12 px-4 py-3 hover:bg-slate-50">
                    <span className="block text-lg font-semibold text-brand-800 underline">
                      <PersonName person={hit} locale={locale} />
                    </span>
                    <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
                      <span>{placeNameWithChinese(hit, locale)}</span>
                      <RoleChip role={hit.role} label={tr(hit.role)} />
                      <span>{t(`statuses.${hit.status}`)}</span>
                      {hit.checkedIn && (
                        <span className="font-semibold text-emerald-800">✓ {t("checkedInMark")}</span>
                      )}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {found.more && <p>{t("moreHits")}</p>}
        </section>
      )}
      {(card || found || codeInput || id) && (
        <p>
          <Link href={path} className="inline-block py-2 font-medium text-brand-700 underline">
            {t("newSearch")}
          </Link>
        </p>
      )}

      <CheckInFinder meetingSlug={slug} q={q} code={codeInput && !code ? codeInput : ""} />
    </div>
  );
}
