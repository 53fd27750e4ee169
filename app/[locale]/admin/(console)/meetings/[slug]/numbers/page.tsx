import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { MeetingAdminNav } from "@/app/_components/admin/MeetingAdminNav";
import { BarChart } from "@/app/_components/admin/numbers/BarChart";
import { ColumnChart } from "@/app/_components/admin/numbers/ColumnChart";
import {
  emailColors,
  longDay,
  shortDay,
  shortMonth,
  statusColors,
} from "@/app/_components/admin/numbers/labels";
import { Stat } from "@/app/_components/admin/numbers/Stat";
import { adminPaths } from "@/app/_lib/admin-paths";
import { cumulative, percent, timeBuckets } from "@/app/_lib/charts";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { zoneName } from "@/app/_lib/time";
import { pick } from "@/app/_lib/i18n/localized";
import { Link } from "@/app/_lib/i18n/navigation";
import { pageActor } from "@/app/_server/authz";
import {
  emailStatuses,
  meetingNumbers,
  registrationStatuses,
  type MeetingNumbers,
} from "@/app/_server/numbers/queries";
import { orNotFound } from "@/app/_server/pages";

type Props = { params: Promise<{ locale: AppLocale; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminNumbers.numbers" });
  return { title: t("title") };
}

type Translate = Awaited<ReturnType<typeof getTranslations<"adminNumbers.numbers">>>;

/** A meeting's dashboard: registrations over time and by origin and role, seats, check-ins, emails. */
export default async function NumbersPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "readNumbers", adminPaths.numbers(slug));
  const numbers = await orNotFound(meetingNumbers(actor, slug));
  const [t, tRoles, tCountries] = await Promise.all([
    getTranslations("adminNumbers.numbers"),
    getTranslations("roles"),
    getTranslations("countries"),
  ]);
  const { byStatus, checkIns, emails } = numbers;
  const active = byStatus.confirmed + byStatus.pending;
  const headers = { label: t("label"), value: t("count") };
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{pick(numbers.meeting.title, locale) || slug}</h1>
      <MeetingAdminNav slug={slug} role={actor.role} />
      <div>
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        <p className="text-slate-700">{t("intro", { zone: zoneName(numbers.meeting.timeZone, locale) })}</p>
      </div>
      <section aria-labelledby="summary-title">
        <h3 id="summary-title" className="sr-only">
          {t("summary")}
        </h3>
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="numbers-summary">
          <Stat label={t("active")} value={active} detail={t("activeHint")} />
          <Stat label={t("pending")} value={byStatus.pending}>
            {byStatus.pending > 0 && (
              <Link
                href={`${adminPaths.registrations(slug)}?status=pending`}
                className="text-brand-700 underline"
              >
                {t("reviewPending")}
              </Link>
            )}
          </Stat>
          <Stat
            label={t("checkedIn")}
            value={checkIns.total}
            detail={t("checkedInOf", {
              count: checkIns.total,
              confirmed: checkIns.confirmed,
              percent: percent(checkIns.total, checkIns.confirmed),
            })}
          />
          <Stat label={t("emailsFailed")} value={emails.failed}>
            <Link
              href={emails.failed > 0 ? `${adminPaths.outbox}?status=failed` : adminPaths.outbox}
              className="text-brand-700 underline"
            >
              {t("emails.open")}
            </Link>
          </Stat>
        </dl>
      </section>
      <Section id="over-time" title={t("overTime.title")}>
        <OverTime numbers={numbers} locale={locale} t={t} />
      </Section>
      <p className="text-sm text-slate-600">{t("activeNote")}</p>
      <div className="grid gap-8 md:grid-cols-2">
        <Section id="by-country" title={t("byCountry.title")}>
          <BarChart
            title={t("byCountry.chart")}
            color="#1d4ed8"
            headers={headers}
            rows={numbers.byCountry.map((row) => ({
              label: row.country === "other" ? t("byCountry.other") : tCountries(row.country),
              value: row.count,
            }))}
          />
        </Section>
        <Section id="by-role" title={t("byRole.title")}>
          <BarChart
            title={t("byRole.chart")}
            color="#7c3aed"
            headers={headers}
            rows={numbers.byRole.map((row) => ({ label: tRoles(row.role), value: row.count }))}
          />
        </Section>
        <Section id="by-city" title={t("byCity.title")}>
          <BarChart
            title={t("byCity.chart")}
            color="#0e7490"
            headers={headers}
            rows={numbers.byCity.map((row) => ({
              label: row.name ? pick(row.name, locale) : t("byCity.other"),
              value: row.count,
            }))}
          />
        </Section>
        <div className="space-y-8">
          <Section id="seats" title={t("seats.title")}>
            {numbers.sessions.length === 0 ? (
              <p>{t("seats.empty")}</p>
            ) : (
              <BarChart
                title={t("seats.chart")}
                color="#047857"
                valueSpace={120}
                headers={{
                  label: t("seats.session"),
                  value: `${t("seats.taken")} / ${t("seats.capacity")} · ${t("seats.waiting")}`,
                }}
                rows={numbers.sessions.map((session) => ({
                  label: `${pick(session.title, locale)}${session.cancelled ? ` (${t("seats.cancelled")})` : ""}`,
                  value: session.taken,
                  of: session.capacity,
                  muted: session.cancelled,
                  text: t(session.waiting ? "seats.valueWaiting" : "seats.value", {
                    taken: session.taken,
                    capacity: session.capacity,
                    waiting: session.waiting,
                  }),
                }))}
              />
            )}
          </Section>
          <Section id="emails" title={t("emails.title")}>
            <BarChart
              title={t("emails.chart")}
              color={emailColors.sent}
              headers={headers}
              rows={emailStatuses.map((status) => ({
                label: t(`emails.status.${status}`),
                value: emails[status],
                color: emailColors[status],
              }))}
            />
            <Link href={adminPaths.outbox} className="text-brand-700 underline">
              {t("emails.open")}
            </Link>
          </Section>
        </div>
      </div>
      <Section id="check-ins" title={t("checkIns.title")}>
        <CheckIns numbers={numbers} locale={locale} t={t} />
      </Section>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3" data-testid={`numbers-${id}`}>
      <h3 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h3>
      {children}
    </section>
  );
}

function OverTime({ numbers, locale, t }: { numbers: MeetingNumbers; locale: AppLocale; t: Translate }) {
  if (numbers.byDay.length === 0) return <p>{t("overTime.empty")}</p>;
  const { unit, keys, bucketOf } = timeBuckets(numbers.byDay[0]!.day, numbers.byDay.at(-1)!.day);
  const perBucket = new Map(keys.map((key) => [key, registrationStatuses.map(() => 0)]));
  for (const row of numbers.byDay) {
    const values = perBucket.get(bucketOf(row.day))!;
    registrationStatuses.forEach((status, index) => (values[index]! += row.counts[status]));
  }
  const label = (key: string) => (unit === "month" ? shortMonth(key, locale) : shortDay(key, locale));
  const columns = keys.map((key) => ({ key, label: label(key), values: perBucket.get(key)! }));
  const totals = cumulative(columns.map((column) => column.values.reduce((sum, value) => sum + value, 0)));
  return (
    <ColumnChart
      title={t(`overTime.chart.${unit}`, {
        first: longDay(numbers.byDay[0]!.day, locale),
        last: longDay(numbers.byDay.at(-1)!.day, locale),
        total: totals.at(-1) ?? 0,
      })}
      columns={columns}
      series={registrationStatuses.map((status) => ({
        key: status,
        label: t(`status.${status}`),
        color: statusColors[status],
      }))}
      line={{ label: t("overTime.cumulative"), values: totals }}
      headers={{ key: t(`overTime.unit.${unit}`) }}
    />
  );
}

function CheckIns({ numbers, locale, t }: { numbers: MeetingNumbers; locale: AppLocale; t: Translate }) {
  const { total, confirmed, byHour } = numbers.checkIns;
  const days = [...new Set(byHour.map((row) => row.hour.slice(0, 10)))];
  return (
    <div className="space-y-6">
      <BarChart
        title={t("checkIns.chart", { count: total, confirmed })}
        color="#047857"
        valueSpace={110}
        headers={{ label: t("label"), value: t("count") }}
        rows={[
          {
            label: t("checkedIn"),
            value: total,
            of: confirmed,
            text: t("checkIns.progress", { count: total, confirmed }),
          },
        ]}
      />
      {total === 0 && <p>{t("checkIns.none")}</p>}
      {days.map((day) => {
        const hours = byHour.filter((row) => row.hour.startsWith(day));
        const first = Number(hours[0]!.hour.slice(11));
        const last = Number(hours.at(-1)!.hour.slice(11));
        const columns = Array.from({ length: last - first + 1 }, (_, index) => {
          const hour = String(first + index).padStart(2, "0");
          return {
            key: `${day}T${hour}`,
            label: `${hour}:00`,
            values: [hours.find((row) => row.hour === `${day}T${hour}`)?.count ?? 0],
          };
        });
        return (
          <div key={day}>
            <h4 className="font-medium">{longDay(day, locale)}</h4>
            <ColumnChart
              title={t("checkIns.perHourChart", { day: longDay(day, locale) })}
              columns={columns}
              series={[{ key: "checkIns", label: t("checkIns.perHour"), color: "#0e7490" }]}
              headers={{ key: t("checkIns.hour") }}
            />
          </div>
        );
      })}
    </div>
  );
}
