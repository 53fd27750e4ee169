import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CodeForm } from "@/app/_components/admin/two-factor/CodeForm";
import { ConfirmForm } from "@/app/_components/admin/two-factor/ConfirmForm";
import { StartForm } from "@/app/_components/admin/two-factor/StartForm";
import { TitledSection } from "@/app/_components/layout/TitledSection";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { formatLongDate, HOME_TIME_ZONE } from "@/app/_lib/time";
import { ownTwoFactorStatus } from "@/app/_server/accounts/two-factor-queries";
import { ownAccountPageActor } from "@/app/_server/authz";
import { confirmTwoFactor, renewRecoveryCodes, startTwoFactor, turnOffOwnTwoFactor } from "./actions";

type Props = { params: Promise<{ locale: AppLocale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "adminTwoFactor" }))("title") };
}

const card = "space-y-3 rounded border border-slate-200 bg-white p-4";
// While new recovery codes are on screen, what the page said before they were made is out of date
// (the page is reloaded only once they are stored): it steps aside.
const stale = "[:has([data-recovery-codes])>&]:hidden";

/** The key in groups of four: easier to type and to check (apps ignore the spaces). */
const groups = (secret: string) => secret.match(/.{1,4}/g)!;

/**
 * One's own second factor: its state, setting it up (QR code, key, code), new recovery codes, another
 * app, turning it off. Open to every signed-in organizer, and the only page open to one whose role
 * requires a second factor they have not set up yet.
 */
export default async function TwoFactorPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await ownAccountPageActor(locale, adminPaths.twoFactor);
  const [status, t] = await Promise.all([ownTwoFactorStatus(actor), getTranslations("adminTwoFactor")]);
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-2 print:hidden">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      {status.required && !status.enabled && (
        <p
          role="alert"
          data-testid="two-factor-required"
          className={`rounded border-2 border-red-400 bg-red-50 px-4 py-3 font-medium text-red-900 print:hidden ${stale}`}
        >
          {t("required")}
        </p>
      )}
      <section
        aria-labelledby="status-heading"
        className={`${card} print:hidden ${stale}`}
        data-testid="two-factor-status"
      >
        <h2 id="status-heading" className="text-lg font-semibold">
          {t("status.heading")}
        </h2>
        <p className="font-medium">{status.enabled ? t("status.on") : t("status.off")}</p>
        {status.enabled && (
          <p className="text-slate-700">
            {status.enabledAt &&
              `${t("status.since", { date: formatLongDate(status.enabledAt, HOME_TIME_ZONE, locale) })} `}
            {t("status.codesLeft", { count: status.recoveryCodesLeft })}
          </p>
        )}
        {status.required && <p className="text-slate-700">{t("status.compulsory")}</p>}
      </section>
      {status.pending ? (
        <section aria-labelledby="setup-heading" className={card}>
          <h2 id="setup-heading" className={`text-lg font-semibold print:hidden ${stale}`}>
            {t("setup.heading")}
          </h2>
          <ConfirmForm action={confirmTwoFactor} email={actor.email}>
            {status.enabled && <p className="text-slate-700">{t("setup.replacing")}</p>}
            <p>{t("setup.scan")}</p>
            <div
              className="size-56 max-w-full border border-slate-200 bg-white p-2 [&>svg]:size-full"
              role="img"
              aria-label={t("setup.qrLabel")}
              data-testid="two-factor-qr"
              dangerouslySetInnerHTML={{ __html: status.pending.qrSvg }}
            />
            <p>{t("setup.key")}</p>
            {/* Groups of four that wrap only between groups (a phone line holds about five). */}
            <code
              className="flex w-fit flex-wrap gap-x-3 rounded bg-slate-100 px-3 py-2 font-mono text-lg select-all"
              data-testid="two-factor-key"
            >
              {groups(status.pending.secret).map((group, index) => (
                <span key={index} className="whitespace-nowrap">
                  {group}
                </span>
              ))}
            </code>
          </ConfirmForm>
        </section>
      ) : !status.enabled ? (
        <StartForm action={startTwoFactor} email={actor.email} />
      ) : (
        <>
          <section aria-labelledby="renew-heading" className={card}>
            <h2 id="renew-heading" className={`text-lg font-semibold print:hidden ${stale}`}>
              {t("manage.renewHeading")}
            </h2>
            <p className={`text-slate-700 print:hidden ${stale}`}>{t("manage.renewText")}</p>
            <CodeForm change="renew" action={renewRecoveryCodes} email={actor.email} />
          </section>
          <StepAsideCard
            id="replace-heading"
            title={t("manage.replaceHeading")}
            text={t("manage.replaceText")}
          >
            <CodeForm change="replace" action={startTwoFactor} email={actor.email} />
          </StepAsideCard>
          <StepAsideCard
            id="off-heading"
            title={t("manage.offHeading")}
            text={status.required ? t("manage.offRequired") : t("manage.offText")}
          >
            {!status.required && <CodeForm change="off" action={turnOffOwnTwoFactor} email={actor.email} />}
          </StepAsideCard>
        </>
      )}
    </div>
  );
}

/** A card of the page that is out of date, and off paper, while new recovery codes are on screen. */
function StepAsideCard({
  id,
  title,
  text,
  children,
}: {
  id: string;
  title: string;
  text: string;
  children: ReactNode;
}) {
  return (
    <TitledSection id={id} title={title} className={`${card} print:hidden ${stale}`} small>
      <p className="text-slate-700">{text}</p>
      {children}
    </TitledSection>
  );
}
