import { citySlug } from "@/app/_lib/slugs";
import alliance from "../../prisma/seed-data/alliance.json" with { type: "json" };

/**
 * A selector for the cities every installation starts with, in one country: other specs admit cities
 * of their own while the suite runs, so the public lists are counted by these, not in all.
 */
export function seededCities(country: "DE" | "CN" | "all"): string {
  return alliance.memberCities
    .filter((city) => country === "all" || city.country === country)
    .map((city) => `[data-testid="city-${citySlug(city.name.en)}"]`)
    .join(", ");
}
