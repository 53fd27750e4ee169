import { getTranslations } from "next-intl/server";
import { agendaHref, agendaViews, type AgendaQuery } from "@/app/_lib/agenda-view";
import { Link } from "@/app/_lib/i18n/navigation";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick, type Translations } from "@/app/_lib/i18n/localized";
import { sessionKinds } from "@/app/_server/agenda/queries";

type Props = {
  base: string;
  query: AgendaQuery;
  tracks: { slug: string; name: Translations; color: string }[];
  locale: AppLocale;
};

/** Filters as plain links: they work without JavaScript, can be bookmarked and keep the language. */
export async function AgendaFilters({ base, query, tracks, locale }: Props) {
  const [t, tk] = await Promise.all([getTranslations("agenda"), getTranslations("kinds")]);
  const viewLabel = { time: t("byTime"), room: t("byRoom"), track: t("byTrack") };
  const rows = [
    {
      label: t("kind"),
      options: [
        { key: "all", text: t("all"), active: !query.kind, href: agendaHref(base, query, { kind: null }) },
        ...sessionKinds.map((kind) => ({
          key: kind,
          text: tk(kind),
          active: query.kind === kind,
          href: agendaHref(base, query, { kind }),
        })),
      ],
    },
    {
      label: t("track"),
      options: [
        { key: "all", text: t("all"), active: !query.track, href: agendaHref(base, query, { track: null }) },
        ...tracks.map((track) => ({
          key: track.slug,
          text: pick(track.name, locale),
          active: query.track === track.slug,
          href: agendaHref(base, query, { track: track.slug }),
        })),
      ],
    },
    {
      label: t("view"),
      options: agendaViews.map((view) => ({
        key: view,
        text: viewLabel[view],
        active: query.view === view,
        href: agendaHref(base, query, { view }),
      })),
    },
  ];
  return (
    <nav aria-label={t("filters")} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
      {rows.map((row) => (
        <div key={row.label} className="flex flex-wrap items-center gap-1.5">
          <span className="w-28 shrink-0 text-sm font-medium text-slate-600">{row.label}</span>
          {row.options.map((option) => (
            <Link
              key={option.key}
              href={option.href}
              aria-current={option.active ? "true" : undefined}
              className={`rounded-full border px-3 py-1 text-sm ${
                option.active
                  ? "border-slate-900 bg-slate-900 text-white"
                  : "border-slate-300 text-slate-700 hover:border-slate-500"
              }`}
            >
              {option.text}
            </Link>
          ))}
        </div>
      ))}
    </nav>
  );
}
