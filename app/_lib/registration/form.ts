/**
 * The HTML forms of registration and the manage page, and how their data becomes the input of the
 * shared schema. Values come back to the form after an error exactly as they were typed.
 */
import { formValues, type FormValues } from "../form-state";
import type { AppLocale } from "../i18n/locales";

/**
 * The Latin name's two fields in the order a reader of `locale` gives a name: Chinese asks for the
 * family name (姓) first, German and English for the given name.
 */
export function nameFieldOrder(
  locale: AppLocale,
): readonly ["givenName", "familyName"] | readonly ["familyName", "givenName"] {
  return locale === "zh" ? ["familyName", "givenName"] : ["givenName", "familyName"];
}

/**
 * The controls an error summary's links lead to where the field is a group of boxes: its first box, whose
 * id is `{name}-{value}` (Field.tsx's Choice). Every other field's control has the field's name as its id.
 */
export const delegateFieldTargets: Readonly<Record<string, string>> = {
  nameOrder: "nameOrder-given_first",
  interpretation: "interpretation-de",
  visaLetter: "visaLetter-on",
  photoConsent: "photoConsent-on",
  listConsent: "listConsent-on",
  privacyConsent: "privacyConsent-on",
};

/** The fields of the delegate's details in the order the form shows them (its error summary follows it). */
export function delegateFieldOrder(locale: AppLocale): string[] {
  return [
    ...nameFieldOrder(locale),
    "nativeName",
    "nameOrder",
    "honorific",
    "position",
    "organization",
    "city",
    "cityOther",
    "role",
    "email",
    "phone",
    "language",
    "interpretation",
    "dietaryNeeds",
    "accessibilityNeeds",
    "visaLetter",
    "passportNumber",
    "nationality",
    "birthDate",
    "passportExpiry",
    "arrivalDate",
    "departureDate",
  ];
}

/** The code of the manage page's answer that asks before seats in full sessions are given up. */
export const GIVE_UP_QUESTION = "give_up_seat";

/** Checkbox groups: their values arrive as repeated fields. */
const LISTS = new Set(["interpretation", "sessionIds"]);
/** Single checkboxes: present means yes. */
const FLAGS = ["visaLetter", "photoConsent", "listConsent", "privacyConsent"] as const;

/** The registration and manage forms' fields by name, their checkbox groups as lists. */
export function registrationFormValues(formData: FormData): FormValues {
  return formValues(formData, LISTS);
}

/** The schema's input from form values; `cityId` is filled in by the caller from the typed city name. */
export function inputFromForm(values: FormValues): Record<string, unknown> {
  const input: Record<string, unknown> = { ...values };
  for (const name of LISTS) input[name] = asList(values[name]);
  for (const flag of FLAGS) input[flag] = values[flag] === "on" || values[flag] === "true";
  // An unticked privacy box means "not given", which the schema reports in the visitor's language.
  if (!input.privacyConsent) delete input.privacyConsent;
  delete input.city;
  delete input.formToken;
  return input;
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Field errors keyed by form field: the schema's `sessionIds.2` is shown at the session list, `cityId` at the city. */
export function formFieldOf(path: string): string {
  const field = path.split(".")[0]!;
  return field === "cityId" ? "city" : field;
}
