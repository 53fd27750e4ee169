import { getTranslations } from "next-intl/server";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { lastOpenInstant, windowState } from "@/app/_lib/registration/window";
import { formatLongDate } from "@/app/_lib/time";
import type { MeetingDto } from "@/app/_server/meetings/queries";

type Props = { registration: MeetingDto["registration"]; timeZone: string; locale: AppLocale; now?: Date };

/** Whether registration is open, not yet open or closed, from the meeting's registration window. */
export async function RegistrationStatus({ registration, timeZone, locale, now = new Date() }: Props) {
  const t = await getTranslations("meeting");
  const { opensAt } = registration;
  const state = windowState(registration, now);
  const lastDay = lastOpenInstant(registration);
  let text: string;
  if (state === "not_yet_open")
    text = t("registrationNotYetOpen", { date: formatLongDate(opensAt!, timeZone, locale) });
  else if (state === "closed") text = t("registrationClosed");
  else if (lastDay) text = t("registrationOpen", { date: formatLongDate(lastDay, timeZone, locale) });
  else text = t("registrationOpenEnded");
  return (
    <p className="mt-3 font-medium" data-testid="registration-status">
      {text}
    </p>
  );
}
