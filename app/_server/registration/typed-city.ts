import "server-only";
import { matchCity, cityLabel, regionName, type FindableCity } from "@/app/_lib/cities/matching";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { messages } from "@/app/_lib/i18n/messages";
import { translatedFields, translationsOf } from "@/app/_lib/i18n/localized";
import type { FieldError } from "@/app/_lib/registration/fields";
import { db } from "../db";
import { invalid } from "../errors";

/** Every city with its names, aliases and region: what typed city names are matched against. */
export async function listFindableCities(): Promise<FindableCity[]> {
  const rows = await db.city.findMany({
    select: { id: true, ...translatedFields("name"), aliases: true, ...translatedFields("region") },
    orderBy: { nameDe: "asc" },
  });
  return rows.map((row) => ({
    id: row.id,
    name: translationsOf(row, "name"),
    aliases: row.aliases,
    region: translationsOf(row, "region"),
  }));
}

/** A typed city: the city it names, or the town as typed (not a member), or why it cannot be decided. */
export type TypedCity =
  { cityId: string; cityOther: null } | { cityId: null; cityOther: string } | { error: FieldError };

/**
 * What a delegate typed as their city, read by the finder's rules (app/_lib/cities/matching.ts): a name
 * of a city is that city, a name of several places is asked about with the choices in the visitor's
 * language, and anything else is a town outside the alliance, kept as typed.
 */
export function readTypedCity(typed: string, cities: readonly FindableCity[], locale: AppLocale): TypedCity {
  const match = matchCity(typed, cities);
  if (match.kind === "city") return { cityId: match.city.id, cityOther: null };
  if (match.kind === "none") return { cityId: null, cityOther: typed.trim() };
  const notMember = messages[locale].cityFinder.notMember;
  const choices = match.choices.map(({ kind, city }) =>
    cityLabel(city, locale, [regionName(city, locale), kind === "namesake" ? notMember : ""]),
  );
  return {
    error: {
      key: "cityAmbiguous",
      values: {
        typed: typed.trim(),
        choices: new Intl.ListFormat(locale, { type: "disjunction" }).format(choices),
      },
    },
  };
}

/**
 * The API's `cityOther`: a town that names a city is that city ("台州", "Koeln"), and a name of several
 * places is refused at the field with the choices.
 */
export async function withTypedCity<Input extends { cityId: string | null; cityOther: string | null }>(
  input: Input,
  locale: AppLocale,
): Promise<Input> {
  if (input.cityId || !input.cityOther) return input;
  const typed = readTypedCity(input.cityOther, await listFindableCities(), locale);
  if ("error" in typed) throw invalid({ cityOther: typed.error });
  return { ...input, ...typed };
}
