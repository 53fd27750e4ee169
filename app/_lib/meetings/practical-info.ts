import { z } from "zod";
import type { AppLocale } from "../i18n/locales";
import { pick, type Translations } from "../i18n/localized";
import { PHONE } from "../registration/fields";
import { always, message, optional } from "../schema";

/**
 * A meeting's practical information: whom to ask, where the venue is and how to get there, badge pickup,
 * dress code and interpretation. The organizers' form and the domain parse with `practicalInfoInput`;
 * pages, emails and the API show `PracticalInfo`.
 */

/** The texts organizers write in each language. */
export const practicalTextKeys = ["arrival", "badgePickup", "dressCode", "interpretation"] as const;
export type PracticalTextKey = (typeof practicalTextKeys)[number];

export type PracticalInfo = {
  contact: { name: string | null; email: string | null; phone: string | null };
  venue: {
    /** The postal address, one line per line. */
    address: string | null;
    /** WGS 84. */
    coordinates: { latitude: number; longitude: number } | null;
    directionsUrl: string | null;
  };
  texts: Record<PracticalTextKey, Translations>;
};

/** Whether there is anything to show at all: a meeting whose organizers filled nothing in shows nothing. */
export function hasPracticalInfo(info: PracticalInfo | null): info is PracticalInfo {
  if (!info) return false;
  const { contact, venue, texts } = info;
  return Boolean(
    contact.name ||
    contact.email ||
    contact.phone ||
    venue.address ||
    venue.coordinates ||
    venue.directionsUrl ||
    practicalTextKeys.some((key) => Object.values(texts[key]).some((text) => text?.trim())),
  );
}

/** Whether the contact has a way to be reached (a name alone is not one). */
export function hasContact(info: PracticalInfo | null): info is PracticalInfo {
  return Boolean(info && (info.contact.email || info.contact.phone));
}

/** A practical text in `locale`, falling back as every translated text does; null when none was written. */
export function practicalText(info: PracticalInfo, key: PracticalTextKey, locale: AppLocale): string | null {
  return pick(info.texts[key], locale) || null;
}

/**
 * Links to the venue on a map. OpenStreetMap for everyone; Amap (高德地图) for readers in mainland China,
 * where Google Maps cannot be reached and openstreetmap.org is often slow. Amap's URI API (uri.amap.com)
 * opens a marker or a search in the browser or its app and needs no key, so nothing has to be applied
 * for or kept secret; it takes WGS 84 coordinates as they are (`coordinate=wgs84`) and converts them to
 * the GCJ-02 its maps use itself, so the marker is not shifted by the offset Chinese maps apply. Baidu's
 * equivalent takes only its own BD-09 or GCJ-02 and asks for a registered `src`.
 * With coordinates both show a marker; with only an address, a search for it. Null: nothing to show.
 */
export function mapLinks(
  venueName: string,
  venue: PracticalInfo["venue"],
): { openStreetMap: string; amap: string } | null {
  if (venue.coordinates) {
    const { latitude, longitude } = venue.coordinates;
    const marker = new URLSearchParams({
      position: `${longitude},${latitude}`,
      name: venueName,
      coordinate: "wgs84",
      callnative: "0",
    });
    return {
      openStreetMap: `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`,
      amap: `https://uri.amap.com/marker?${marker}`,
    };
  }
  if (!venue.address) return null;
  // Search engines read commas between an address's parts, in any language.
  const query = venueLine(venueName, venue.address, "en");
  return {
    openStreetMap: `https://www.openstreetmap.org/search?${new URLSearchParams({ query })}`,
    amap: `https://uri.amap.com/search?${new URLSearchParams({ keyword: query, callnative: "0" })}`,
  };
}

/** A decimal degree as typed: a point or, as Germans write it, a comma; up to eight decimals. */
const DEGREES = /^[+-]?\d{1,3}(?:[.,]\d{1,8})?$/;

function degrees(limit: number, key: "latitude" | "longitude") {
  // One transform rather than a union with null: a union reports a malformed number as "invalid input".
  return optional(20).transform((typed, context): number | null => {
    if (typed === null) return null;
    const value = Number(typed.replace(",", "."));
    if (DEGREES.test(typed) && Math.abs(value) <= limit) return value;
    context.addIssue({ code: "custom", message: key });
    return z.NEVER;
  });
}

/** A link to a page: http or https only, so that a `javascript:` address never becomes a link. */
const webAddress = optional(500).pipe(
  z.union([
    z.null(),
    z
      .string()
      .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), message("url")),
  ]),
);

const longText = optional(2000);

/** The organizers' form, field by field as posted: the texts as `arrivalDe`, `arrivalEn`, `arrivalZh`, … */
export const practicalInfoInput = z
  .object({
    contactName: optional(200),
    contactEmail: optional(254).pipe(z.union([z.null(), z.email(message("email"))])),
    contactPhone: optional(40).pipe(z.union([z.null(), z.string().regex(PHONE, message("phone"))])),
    venueAddress: optional(500),
    latitude: degrees(90, "latitude"),
    longitude: degrees(180, "longitude"),
    directionsUrl: webAddress,
    arrivalDe: longText,
    arrivalEn: longText,
    arrivalZh: longText,
    badgePickupDe: longText,
    badgePickupEn: longText,
    badgePickupZh: longText,
    dressCodeDe: longText,
    dressCodeEn: longText,
    dressCodeZh: longText,
    interpretationDe: longText,
    interpretationEn: longText,
    interpretationZh: longText,
  })
  // A point on the map takes both; each field that is missing says so, and a wrong one keeps its own error.
  .refine((value) => !(value?.longitude != null && value.latitude === null), {
    path: ["latitude"],
    ...message("coordinatesPair"),
    when: always,
  })
  .refine((value) => !(value?.latitude != null && value.longitude === null), {
    path: ["longitude"],
    ...message("coordinatesPair"),
    when: always,
  });

export type PracticalInfoInput = z.output<typeof practicalInfoInput>;

/** What separates the parts of one line ("name, email, phone"; an address's lines) in a language. */
export function listSeparator(locale: AppLocale): string {
  return locale === "zh" ? "，" : ", ";
}

/** The parts that are there, on one line. */
export function joinParts(parts: (string | null | undefined)[], locale: AppLocale): string {
  return parts
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(listSeparator(locale));
}

/** The contact on one line: "Dr. Mara Feld, team@example.org, +49 511 555 0142". */
export function contactLine(contact: PracticalInfo["contact"], locale: AppLocale): string {
  return joinParts([contact.name, contact.email, contact.phone], locale);
}

/** The venue on one line: its name, then the lines of its address. */
export function venueLine(venueName: string, address: string | null, locale: AppLocale): string {
  return joinParts([venueName, ...(address?.split(/\r?\n/) ?? [])], locale);
}

/** A `tel:` link's number: the digits and the leading plus only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}
