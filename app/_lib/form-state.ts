/**
 * The one form-state shape of the app's server actions, and what a posted form holds. Values come back
 * to the form after an error exactly as they were typed.
 */

/** What the browser sent, by field name: one string, or several for checkbox groups. */
export type FormValues = Record<string, string | string[]>;

/** The one form-state shape of the app's server actions. */
export type FormState = {
  ok: boolean;
  /** A sentence for the whole form (success or the summary of what to fix). */
  message?: string;
  /** Sentences by field name, in the visitor's language. */
  fieldErrors?: Record<string, string>;
  /** Warnings to read before saving again, one sentence each (e.g. scheduling conflicts). */
  notices?: string[];
  values?: FormValues;
  /** The domain error's code, for a form that offers a way on ("already_registered": the lost-link page). */
  code?: string;
};

export const initialFormState: FormState = { ok: false };

/** The form's fields by name; `lists` names the fields that may come several times (checkbox groups). */
export function formValues(formData: FormData, lists: ReadonlySet<string> = new Set()): FormValues {
  const values: FormValues = {};
  for (const [name, value] of formData) {
    if (typeof value !== "string" || name.startsWith("$")) continue;
    if (lists.has(name)) values[name] = [...((values[name] as string[] | undefined) ?? []), value];
    else values[name] = value;
  }
  return values;
}
