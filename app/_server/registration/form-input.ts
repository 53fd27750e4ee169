import "server-only";
import type { z } from "zod";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { fieldErrorsOf, type FieldErrors } from "@/app/_lib/registration/fields";
import type { FormValues } from "@/app/_lib/form-state";
import { inputFromForm } from "@/app/_lib/registration/form";
import { listFindableCities, readTypedCity } from "./typed-city";

/**
 * A delegate form's values parsed with the shared schema. The city field takes what the delegate typed
 * into the city finder: a city's name or alias becomes the city's id here; a town outside the alliance is
 * kept as the delegate's town (`cityOther`), and a name of several places is asked about at the field.
 * A town typed into `cityOther` that names a city is that city, as in the API.
 */
export async function parseDelegateForm<Schema extends z.ZodType>(
  schema: Schema,
  values: FormValues,
  locale: AppLocale,
): Promise<{ data: z.output<Schema>; fields?: undefined } | { data?: undefined; fields: FieldErrors }> {
  const input = inputFromForm(values);
  const typedCity = typeof values.city === "string" ? values.city.trim() : "";
  const typedOther = typeof values.cityOther === "string" ? values.cityOther.trim() : "";
  const cities = await listFindableCities();
  const cityErrors: FieldErrors = {};
  input.cityId = null;
  if (typedCity) {
    const city = readTypedCity(typedCity, cities, locale);
    if ("error" in city) cityErrors.cityId = city.error;
    else if (city.cityId) input.cityId = city.cityId;
    // A town outside the alliance, typed into the finder: the delegate's town, unless one is given below too.
    else if (!typedOther) input.cityOther = city.cityOther;
    else cityErrors.cityId = { key: "cityOrOther" };
  } else if (typedOther) {
    const other = readTypedCity(typedOther, cities, locale);
    if ("error" in other) cityErrors.cityOther = other.error;
    else Object.assign(input, other);
  }
  const parsed = schema.safeParse(input);
  const fields = { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...cityErrors };
  return parsed.success && Object.keys(fields).length === 0 ? { data: parsed.data } : { fields };
}
