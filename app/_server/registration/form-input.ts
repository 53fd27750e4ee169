import "server-only";
import type { z } from "zod";
import { fieldErrorsOf, type FieldErrors } from "@/app/_lib/registration/fields";
import type { FormValues } from "@/app/_lib/form-state";
import { inputFromForm, matchCity } from "@/app/_lib/registration/form";
import { listCityOptions } from "./queries";

/**
 * A delegate form's values parsed with the shared schema. The form names the member city as typed
 * into the searchable list; it becomes the city's id here, and an unknown name is an error at the field.
 */
export async function parseDelegateForm<Schema extends z.ZodType>(
  schema: Schema,
  values: FormValues,
  meetingId: string,
): Promise<{ data: z.output<Schema>; fields?: undefined } | { data?: undefined; fields: FieldErrors }> {
  const input = inputFromForm(values);
  const typedCity = typeof values.city === "string" ? values.city : "";
  const city = matchCity(typedCity, await listCityOptions(meetingId));
  input.cityId = city?.id ?? null;
  const parsed = schema.safeParse(input);
  const fields = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (typedCity.trim() && !city) fields.cityId = { key: "unknownCity" };
  return parsed.success && Object.keys(fields).length === 0 ? { data: parsed.data } : { fields };
}
