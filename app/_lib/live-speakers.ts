/**
 * The language a participant speaks on stage, for the interpreters' booth: the app stores no spoken
 * language per person, so it follows the city they represent (a German city: German, a Chinese one:
 * Chinese) and, for people without a city, a name in Chinese script. Null: unknown, the booth asks.
 */
export function spokenLanguage(person: {
  country: string | null;
  nativeName: string | null;
}): "de" | "zh" | null {
  if (person.country === "DE") return "de";
  if (person.country === "CN") return "zh";
  return person.nativeName && /\p{Script=Han}/u.test(person.nativeName) ? "zh" : null;
}
