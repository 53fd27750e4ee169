import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { localPlaceName } from "@/app/_lib/i18n/place-names";
import {
  hasPracticalInfo,
  mapLinks,
  practicalText,
  practicalTextKeys,
  telHref,
  type PracticalInfo as Info,
} from "@/app/_lib/meetings/practical-info";
import { TitledSection } from "../layout/TitledSection";

type Props = {
  info: Info | null;
  venueName: string;
  locale: AppLocale;
  /** The heading's id, unique on the page. */
  id?: string;
};

const link = "font-medium text-brand-700 underline break-words";

/**
 * A meeting's practical information for delegates and visitors: whom to ask, the venue with its address
 * and maps, and the organizers' notes on arrival, badge pickup, dress code and interpretation. Nothing
 * when the organizers have filled nothing in.
 */
export async function PracticalInfo({ info, venueName, locale, id = "practical-info" }: Props) {
  if (!hasPracticalInfo(info)) return null;
  const t = await getTranslations("practicalInfo");
  const { contact, venue } = info;
  const maps = mapLinks(venueName, venue);
  const rows: { key: string; label: string; value: ReactNode }[] = [];
  if (contact.name || contact.email || contact.phone)
    rows.push({
      key: "contact",
      label: t("contact"),
      value: (
        <>
          {contact.name && <span className="block font-medium">{contact.name}</span>}
          {contact.email && (
            <a href={`mailto:${contact.email}`} className={`${link} block`}>
              {contact.email}
            </a>
          )}
          {contact.phone && (
            <a href={telHref(contact.phone)} className={`${link} block`}>
              {contact.phone}
            </a>
          )}
        </>
      ),
    });
  if (venue.address || maps || venue.directionsUrl)
    rows.push({
      key: "venue",
      label: t("venue"),
      value: (
        <>
          <span className="block font-medium">{localPlaceName(venueName, locale)}</span>
          {venue.address && <span className="block whitespace-pre-line">{venue.address}</span>}
          <span className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {maps && (
              <>
                <a href={maps.openStreetMap} className={link} rel="noreferrer" target="_blank">
                  {t("openStreetMap")}
                </a>
                <a href={maps.amap} className={link} rel="noreferrer" target="_blank">
                  {t("amap")}
                </a>
              </>
            )}
            {venue.directionsUrl && (
              <a href={venue.directionsUrl} className={link} rel="noreferrer" target="_blank">
                {t("directions")}
              </a>
            )}
          </span>
        </>
      ),
    });
  for (const key of practicalTextKeys) {
    const text = practicalText(info, key, locale);
    if (text) rows.push({ key, label: t(key), value: <span className="whitespace-pre-line">{text}</span> });
  }

  return (
    <TitledSection id={id} title={t("title")} className="space-y-3">
      <dl className="grid gap-3 sm:grid-cols-2 print:gap-2" data-testid="practical-info">
        {rows.map((row) => (
          <div
            key={row.key}
            className="break-inside-avoid rounded border border-slate-200 bg-white p-4 print:p-2"
            data-practical={row.key}
          >
            <dt className="text-sm text-slate-500">{row.label}</dt>
            <dd className="mt-1">{row.value}</dd>
          </div>
        ))}
      </dl>
    </TitledSection>
  );
}
