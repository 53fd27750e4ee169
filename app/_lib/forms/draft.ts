import type { FormValues } from "../form-state";

/**
 * What a visitor has typed into a form, carried over a change of language: saved in the tab's
 * `sessionStorage` the moment they follow a language link, taken (and deleted) by the same form on the
 * page in the other language. Never in the URL, never longer than the tab, never read twice.
 */

/** A form control as far as a draft needs it (an HTMLInputElement, HTMLSelectElement or HTMLTextAreaElement). */
export type DraftControl = { name: string; type: string; value: string; checked?: boolean };

/** The fields the visitor changed, and their values: a field not named keeps the new page's default. */
export type Draft = { fields: string[]; values: FormValues };

/** Controls a draft never keeps: what the page sets itself (tokens), secrets, files and buttons. */
const SKIPPED = new Set(["hidden", "password", "file", "submit", "button", "reset", "image"]);

const isBox = (control: DraftControl) => control.type === "checkbox" || control.type === "radio";

/**
 * The draft of a form's controls: only the fields the visitor touched ("all" after they sent the form,
 * whose answer shows every value as they sent it). An untouched field, such as the language for emails
 * that follows the page's language, takes the other page's default.
 */
export function draftOf(controls: Iterable<DraftControl>, touched: ReadonlySet<string> | "all"): Draft {
  const fields = new Set<string>();
  const values: FormValues = {};
  for (const control of controls) {
    if (!control.name || control.name.startsWith("$") || SKIPPED.has(control.type)) continue;
    if (touched !== "all" && !touched.has(control.name)) continue;
    fields.add(control.name);
    if (isBox(control) && !control.checked) continue;
    const before = values[control.name];
    if (before === undefined) values[control.name] = control.value;
    else values[control.name] = [...(Array.isArray(before) ? before : [before]), control.value];
  }
  return { fields: [...fields], values };
}

/**
 * The control's state as the draft has it: `checked` for a checkbox or radio button (a box of a field
 * the draft names but not its value is unticked), `value` for the rest; null for a field it does not name.
 */
export function restoredState(
  control: DraftControl,
  draft: Draft,
): { checked: boolean } | { value: string } | null {
  if (!control.name || SKIPPED.has(control.type) || !draft.fields.includes(control.name)) return null;
  const value = draft.values[control.name];
  const given = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return isBox(control) ? { checked: given.includes(control.value) } : { value: given[0] ?? "" };
}

const PREFIX = "form-draft:";

export function saveDraft(storage: Storage, key: string, draft: Draft): void {
  try {
    storage.setItem(PREFIX + key, JSON.stringify(draft));
  } catch {
    // Storage full or switched off: the page in the other language starts empty, as without JavaScript.
  }
}

/** The draft saved under `key`, deleted as it is read; null when there is none. */
export function takeDraft(storage: Storage, key: string): Draft | null {
  try {
    const saved = storage.getItem(PREFIX + key);
    storage.removeItem(PREFIX + key);
    const parsed: unknown = saved === null ? null : JSON.parse(saved);
    return isDraft(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== "object" || value === null) return false;
  const { fields, values } = value as Partial<Draft>;
  return isTextList(fields) && isFormValues(values);
}

const isTextList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

function isFormValues(value: unknown): value is FormValues {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((entry) => typeof entry === "string" || isTextList(entry));
}
