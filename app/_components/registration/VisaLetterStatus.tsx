import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { formatCalendarDate, formatLongDate } from "@/app/_lib/time";
import type { DelegateVisaLetter } from "@/app/_server/self-service/visa-letter";

type Props = { letter: DelegateVisaLetter; timeZone: string; locale: AppLocale };

/** Where the delegate's visa letter stands: asked for on …, expected by …; issued; sent. */
export async function VisaLetterStatus({ letter, timeZone, locale }: Props) {
  const t = await getTranslations("visa.status");
  const day = (iso: string) => formatCalendarDate(new Date(`${iso}T00:00:00Z`), locale);
  const text =
    letter.status === "sent"
      ? t("sent", { sent: day(letter.sentOn!) })
      : letter.status === "issued"
        ? t("issued", { issued: day(letter.issuedOn!) })
        : t("requested", {
            requested: formatLongDate(letter.requestedAt, timeZone, locale),
            expected: day(letter.expectedBy),
          });
  return (
    <p className="rounded-lg border border-slate-200 bg-white p-4" data-testid="visa-letter-status">
      {text}
    </p>
  );
}
