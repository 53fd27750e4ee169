import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { MeetingNav } from "@/app/_components/meeting/MeetingNav";
import { pick } from "@/app/_lib/i18n/localized";
import { localPlaceName } from "@/app/_lib/i18n/place-names";
import { formatCalendarDate } from "@/app/_lib/time";
import { getMeeting } from "@/app/_server/meetings/queries";
import { orNotFound, pageLocale } from "@/app/_server/pages";

type Props = { children: ReactNode; params: Promise<{ slug: string }> };

export default async function MeetingLayout({ children, params }: Props) {
  const { slug } = await params;
  const locale = await pageLocale();
  const [meeting, t] = await Promise.all([orNotFound(getMeeting(slug)), getTranslations("meeting")]);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm font-medium text-brand-700">
          {pick(meeting.title, locale, meeting.defaultLocale)} ·{" "}
          {formatCalendarDate(meeting.startsOn, locale)} · {localPlaceName(meeting.venue.name, locale)}
        </p>
        <div className="print:hidden">
          <MeetingNav
            slug={meeting.slug}
            label={t("nav.label")}
            overview={t("nav.overview")}
            agenda={t("nav.agenda")}
            register={t("nav.register")}
          />
        </div>
      </header>
      {meeting.exampleProgram && (
        <p
          role="note"
          className="rounded border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900"
        >
          {t("exampleProgram")}
        </p>
      )}
      {children}
    </div>
  );
}
