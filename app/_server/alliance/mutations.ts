import "server-only";
import { cityInput, type CityInput } from "@/app/_lib/cities/fields";
import { cityLabel, normalizeCityName, searchKeys } from "@/app/_lib/cities/matching";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { translatedFields, translationsOf } from "@/app/_lib/i18n/localized";
import { citySlug } from "@/app/_lib/slugs";
import { schemaFieldErrors } from "@/app/_lib/meetings/fields";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { isUniqueViolation } from "../database/errors";
import { db, type Prisma } from "../db";
import { invalid, notFound } from "../errors";

/**
 * Organizers add and edit the alliance's cities: names, spellings, region, standing and dates. Each
 * change is one transaction with its audit entry. A held ceremony also changes cities
 * (ceremonies/induction.ts), through the same columns.
 */

type Tx = Prisma.TransactionClient;

/** What the audit log keeps of a city: every column an organizer edits, and its key. */
export const auditedCity = {
  slug: true,
  nameDe: true,
  nameEn: true,
  nameZh: true,
  aliases: true,
  country: true,
  regionDe: true,
  regionEn: true,
  regionZh: true,
  website: true,
  status: true,
  joinedOn: true,
  memberSince: true,
  inductedBySessionId: true,
  reviewNeeded: true,
  note: true,
} satisfies Prisma.CitySelect;

function parseCity(input: unknown): CityInput {
  const parsed = cityInput.safeParse(input);
  if (!parsed.success) throw invalid(schemaFieldErrors(parsed.error));
  return parsed.data;
}

/**
 * Refuses an alias that already names another city, by one of its names or aliases as the city finder
 * reads them ("Koeln" on any city but Köln), naming that city in the organizer's language.
 */
async function checkAliases(tx: Tx, data: CityInput, locale: AppLocale, cityId?: string): Promise<void> {
  if (data.aliases.length === 0) return;
  const others = await tx.city.findMany({
    where: cityId ? { id: { not: cityId } } : {},
    select: { id: true, ...translatedFields("name"), aliases: true },
  });
  for (const alias of data.aliases) {
    const key = normalizeCityName(alias);
    const other = others.find((city) =>
      searchKeys({ id: city.id, name: translationsOf(city, "name"), aliases: city.aliases }).has(key),
    );
    if (other) {
      const city = cityLabel({ id: other.id, name: translationsOf(other, "name"), aliases: [] }, locale);
      throw invalid({ aliases: { key: "aliasTaken", values: { alias, city } } });
    }
  }
}

/** The English name's key, with "-2", "-3", … added while another city has it (two cities called Taizhou). */
async function freeSlug(tx: Tx, englishName: string): Promise<string> {
  const base = citySlug(englishName);
  for (let suffix = 1; ; suffix += 1) {
    const candidate = suffix === 1 ? base : `${base}-${suffix}`;
    if (!(await tx.city.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
  }
}

/**
 * Adds a city; its key is made from the English name and never changes afterwards (addresses and the API
 * keep working when a name is corrected).
 */
export async function createCity(
  actor: Actor | null,
  input: unknown,
  locale: AppLocale = "de",
): Promise<{ id: string; slug: string }> {
  authorize(actor, "editProgram");
  const data = parseCity(input);
  // Two organizers adding the same name at once: the unique key refuses one, which then takes the next key.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction(async (tx) => {
        await checkAliases(tx, data, locale);
        const city = await tx.city.create({
          data: { ...data, slug: await freeSlug(tx, data.nameEn) },
          select: { id: true, ...auditedCity },
        });
        const { id, ...after } = city;
        await recordAudit(tx, actor, { action: "city.create", entity: "City", entityId: id, after });
        return { id, slug: city.slug };
      });
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error, "slug")) continue;
      throw error;
    }
  }
}

/**
 * Saves a city's names, spellings, region, website, standing, dates and notes. `locale`: the language of
 * the refusal of an alias that names another city.
 */
export async function updateCity(
  actor: Actor | null,
  cityId: string,
  input: unknown,
  locale: AppLocale = "de",
): Promise<void> {
  authorize(actor, "editProgram");
  const data = parseCity(input);
  await db.$transaction(async (tx) => {
    const before = await tx.city.findUnique({ where: { id: cityId }, select: auditedCity });
    if (!before) throw notFound("City");
    await checkAliases(tx, data, locale, cityId);
    const after = await tx.city.update({ where: { id: cityId }, data, select: auditedCity });
    await recordAudit(tx, actor, { action: "city.update", entity: "City", entityId: cityId, before, after });
  });
}
