import { z } from "zod";
import { message } from "../schema";
import { nameOrders } from "../registration/fields";
import { optional, optionalRecordId, required } from "../meetings/fields";
import { slugify } from "../slugs";
import { SLUG } from "../ids";

/** Speakers and officials as organizers enter them. Error messages are keys of the `validation` messages. */

/** Latin letters with any accents, spaces, hyphens, apostrophes and dots: the name as printed on badges and in German texts. */
const LATIN_NAME = /^[\p{Script=Latin}\p{M}][\p{Script=Latin}\p{M}\s'’.\-]*$/u;
const latinName = required(100).pipe(z.string().regex(LATIN_NAME, message("latinScript")));

export const personInput = z.object({
  givenName: latinName,
  familyName: latinName,
  nativeName: optional(100),
  nameOrder: z.enum(nameOrders, message("invalidChoice")).default("given_first"),
  honorificDe: optional(100),
  honorificEn: optional(100),
  honorificZh: optional(100),
  positionDe: optional(200),
  positionEn: optional(200),
  positionZh: optional(200),
  organization: optional(200),
  cityId: optionalRecordId,
  /** Empty: made from the Latin name. */
  slug: optional(64).pipe(z.union([z.null(), z.string().regex(SLUG, message("slug"))])),
});

export type PersonInput = z.output<typeof personInput>;

/** The key a person gets when the organizer leaves it empty: "Ute Berg" → "ute-berg". */
export function personSlug(person: Pick<PersonInput, "givenName" | "familyName">): string {
  return slugify(`${person.givenName} ${person.familyName}`) || "person";
}

/** The person form's values, "" for what is not given. */
export type PersonFormDefaults = Record<
  | "givenName"
  | "familyName"
  | "nativeName"
  | "nameOrder"
  | "honorificDe"
  | "honorificEn"
  | "honorificZh"
  | "positionDe"
  | "positionEn"
  | "positionZh"
  | "organization"
  | "cityId"
  | "slug",
  string
>;
