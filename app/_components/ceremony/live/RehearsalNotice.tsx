"use client";

import { useTranslations } from "next-intl";

/** Tells the operator and the crew that this run is a rehearsal (app/_lib/live-show.ts `isRehearsal`). */
export function RehearsalNotice({ rehearsal }: { rehearsal: boolean }) {
  const t = useTranslations("adminLiveViews");
  if (!rehearsal) return null;
  return (
    <p
      className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950"
      data-testid="rehearsal"
    >
      {t("rehearsal")}
    </p>
  );
}
