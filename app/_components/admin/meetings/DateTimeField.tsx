import type { ReactNode } from "react";
import { describedBy, FieldMessages, RequiredMark, textValue, type FieldContext } from "../../forms/Field";

type Props = {
  name: string;
  label: ReactNode;
  state: FieldContext;
  type: "date" | "datetime-local";
  defaultValue?: string;
  required?: boolean;
  requiredLabel?: string;
  hint?: ReactNode;
};

/** A date or a date with time, labelled and with its hint and error like the other fields. */
export function DateTimeField({
  name,
  label,
  state,
  type,
  defaultValue,
  required,
  requiredLabel,
  hint,
}: Props) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block font-medium">
        {label}
        {required && <RequiredMark label={requiredLabel} />}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        required={required}
        defaultValue={textValue(state, name) ?? defaultValue ?? ""}
        aria-invalid={state.fieldErrors?.[name] ? true : undefined}
        aria-describedby={describedBy(name, state, hint)}
        className="w-full rounded border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600"
      />
      <FieldMessages name={name} hint={hint} state={state} />
    </div>
  );
}
