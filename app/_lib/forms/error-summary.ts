/**
 * The lines of a form's error summary (the GOV.UK pattern): one per field with an error, in the order the
 * fields stand on the form, each pointing at the control that takes the visitor there.
 */

export type SummaryLine = {
  field: string;
  message: string;
  /** The id of the control to focus; null for a problem of the form as a whole. */
  target: string | null;
};

export type SummaryLayout = {
  /** Field names in the order the form shows them; fields not named follow, in the order reported. */
  order?: readonly string[];
  /** Controls whose id is not the field's name: a checkbox's or a radio group's first box. */
  targets?: Readonly<Record<string, string>>;
};

/** The problem of the input as a whole, which no field stands for. */
const WHOLE_FORM = "_";

export function summaryLines(
  fieldErrors: Readonly<Record<string, string>> | undefined,
  { order = [], targets = {} }: SummaryLayout = {},
): SummaryLine[] {
  const rank = (field: string) => {
    const index = order.indexOf(field);
    return index === -1 ? order.length : index;
  };
  return Object.entries(fieldErrors ?? {})
    .map(([field, message], reported) => ({ field, message, reported }))
    .sort((a, b) => rank(a.field) - rank(b.field) || a.reported - b.reported)
    .map(({ field, message }) => ({
      field,
      message,
      target: field === WHOLE_FORM ? null : (targets[field] ?? field),
    }));
}
