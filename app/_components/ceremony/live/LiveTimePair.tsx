"use client";

import { useLocale, useTranslations } from "next-intl";
import { TimePairView, type TimePairProps } from "@/app/_components/agenda/TimePairView";
import type { AppLocale } from "@/app/_lib/i18n/locales";

/** TimePair for the live views, whose times move while they are open. */
export function LiveTimePair(props: Omit<TimePairProps, "locale">) {
  const t = useTranslations("agenda");
  const locale = useLocale() as AppLocale;
  return (
    <TimePairView {...props} locale={locale} labels={{ local: t("timeBerlin"), china: t("timeChina") }} />
  );
}
