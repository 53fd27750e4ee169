/** Keys for URLs made from names. Imports nothing, so that tests outside the app can use it too. */

/** A key for URLs from a name: "Halle 2 – Forum" → "halle-2-forum", "Müller" → "mueller"; "" when nothing Latin is left. */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\u0308/g, "e")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[’']/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 56)
    .replace(/-$/, "");
}

/**
 * The city's key in URLs and the API, made from its English name: "Bao’an District" → "baoan-district",
 * "Nuremberg" → "nuremberg". The seed makes its keys with it too, so both agree on existing cities.
 */
export function citySlug(englishName: string): string {
  return slugify(englishName) || "city";
}
