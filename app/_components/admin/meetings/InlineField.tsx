import type { ReactNode } from "react";
import { textValue, type FieldContext } from "../../forms/Field";

type Props = {
  /** Several forms of the same kind share a page: ids are prefixed with the form's own key. */
  form: string;
  name: string;
  label: ReactNode;
  state: FieldContext;
  defaultValue: string;
  type?: "text" | "number" | "color";
  required?: boolean;
  maxLength?: number;
  lang?: string;
  className?: string;
};

/** A compact labelled field for the rows of rooms and tracks, with its error below. */
export function InlineField({
  form,
  name,
  label,
  state,
  defaultValue,
  type = "text",
  required,
  maxLength,
  lang,
  className = "",
}: Props) {
  const id = `${form}-${name}`;
  const error = state.fieldErrors?.[name];
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {required && <span className="ml-0.5 text-red-700">*</span>}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        maxLength={maxLength}
        lang={lang}
        defaultValue={textValue(state, name) ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`w-full rounded border border-slate-300 bg-white px-2 py-1.5 aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600 ${type === "color" ? "h-9" : ""}`}
      />
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700" data-field-error={name}>
          {error}
        </p>
      )}
    </div>
  );
}
