import type { ReactNode } from "react";
import type { FormState } from "@/app/_lib/form-state";

/**
 * Form primitives: label, hint and error tied to the control (aria-describedby, aria-invalid), the
 * value as last typed. Used by client forms; no hooks here.
 */

export type FieldContext = Pick<FormState, "values" | "fieldErrors">;

export function textValue(state: FieldContext, name: string): string | undefined {
  const value = state.values?.[name];
  return typeof value === "string" ? value : undefined;
}

export function listValue(state: FieldContext, name: string): string[] | undefined {
  const value = state.values?.[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

export function describedBy(name: string, state: FieldContext, hint?: ReactNode): string | undefined {
  const ids = [hint ? `${name}-hint` : null, state.fieldErrors?.[name] ? `${name}-error` : null].filter(
    Boolean,
  );
  return ids.length ? ids.join(" ") : undefined;
}

export function FieldMessages({
  name,
  hint,
  state,
}: {
  name: string;
  hint?: ReactNode;
  state: FieldContext;
}) {
  const error = state.fieldErrors?.[name];
  return (
    <>
      {hint && (
        <p id={`${name}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${name}-error`} className="text-sm font-medium text-red-700" data-field-error={name}>
          {error}
        </p>
      )}
    </>
  );
}

export const inputClass =
  "w-full rounded border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600";

/** What ties a control to its field: its error state and the ids of its hint and error. */
export function invalidProps(name: string, state: FieldContext, hint?: ReactNode) {
  return {
    "aria-invalid": state.fieldErrors?.[name] ? true : undefined,
    "aria-describedby": describedBy(name, state, hint),
  };
}

type LabelledFieldProps = {
  name: string;
  /** The control's id when it is not the name (two forms with the same field on one page). */
  id?: string;
  label: ReactNode;
  state: FieldContext;
  required?: boolean;
  requiredLabel?: string;
  hint?: ReactNode;
  children: ReactNode;
};

/** Every field's frame: the label above the control, its hint and error below. */
export function LabelledField({
  name,
  id = name,
  label,
  state,
  required,
  requiredLabel,
  hint,
  children,
}: LabelledFieldProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
        {required && <RequiredMark label={requiredLabel} />}
      </label>
      {children}
      <FieldMessages name={name} hint={hint} state={state} />
    </div>
  );
}

type TextFieldProps = {
  name: string;
  label: ReactNode;
  state: FieldContext;
  required?: boolean;
  requiredLabel?: string;
  hint?: ReactNode;
  defaultValue?: string;
  type?: "text" | "email" | "tel" | "date" | "datetime-local" | "time" | "number";
  autoComplete?: string;
  list?: string;
  multiline?: boolean;
  /** A multiline field's height in lines (two unless told). */
  rows?: number;
  maxLength?: number;
  lang?: string;
  /** Dates, times and numbers: the least value, and the step (300 s: times in five-minute steps). */
  min?: number;
  step?: number;
};

export function TextField({
  name,
  label,
  state,
  required,
  requiredLabel,
  hint,
  defaultValue,
  type = "text",
  multiline,
  rows = 2,
  ...rest
}: TextFieldProps) {
  const common = {
    id: name,
    name,
    defaultValue: textValue(state, name) ?? defaultValue ?? "",
    required,
    ...invalidProps(name, state, hint),
    className: inputClass,
    ...rest,
  };
  return (
    <LabelledField {...{ name, label, state, required, requiredLabel, hint }}>
      {multiline ? <textarea rows={rows} {...common} /> : <input type={type} {...common} />}
    </LabelledField>
  );
}

/** An email address: required, and no longer than mail servers accept (254 characters). */
export function EmailField({
  label,
  state,
  requiredLabel,
  autoComplete,
}: Pick<TextFieldProps, "label" | "state" | "requiredLabel" | "autoComplete">) {
  return (
    <TextField
      {...{ name: "email", type: "email", label, state, requiredLabel, autoComplete }}
      required
      maxLength={254}
    />
  );
}

type PasswordFieldProps = {
  name: string;
  id?: string;
  label: ReactNode;
  state: FieldContext;
  hint?: ReactNode;
  /** The account's own password typed again, or a new one (password managers offer to make one up). */
  autoComplete: "current-password" | "new-password";
  minLength?: number;
};

/** A password: required, never filled in again after an error (the server does not send passwords back). */
export function PasswordField({ name, id = name, label, state, hint, ...rest }: PasswordFieldProps) {
  return (
    <LabelledField {...{ name, id, label, state, hint }}>
      <input
        id={id}
        name={name}
        type="password"
        required
        maxLength={1024}
        {...invalidProps(name, state, hint)}
        className={inputClass}
        {...rest}
      />
    </LabelledField>
  );
}

type SelectFieldProps = {
  name: string;
  label: ReactNode;
  state: FieldContext;
  /** Given: the field is required, and this is the mark's tooltip. */
  requiredLabel?: string;
  defaultValue: string;
  options: { value: string; label: string; disabled?: boolean; lang?: string }[];
};

export function SelectField({ name, label, state, requiredLabel, defaultValue, options }: SelectFieldProps) {
  const required = Boolean(requiredLabel);
  return (
    <LabelledField {...{ name, label, state, required, requiredLabel }}>
      <select
        id={name}
        name={name}
        required={required}
        defaultValue={textValue(state, name) ?? defaultValue}
        {...invalidProps(name, state)}
        className={inputClass}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

export function RequiredMark({ label }: { label?: string }) {
  return (
    <span className="ml-0.5 text-red-700" title={label}>
      *
    </span>
  );
}

type ChoiceProps = {
  name: string;
  value: string;
  label: ReactNode;
  type: "checkbox" | "radio";
  defaultChecked: boolean;
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
};

/** One checkbox or radio button with its label beside it, large enough to hit on a phone. */
export function Choice({
  name,
  value,
  label,
  type,
  defaultChecked,
  describedBy: described,
  invalid,
  required,
}: ChoiceProps) {
  const id = `${name}-${value}`;
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type={type}
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        required={required}
        aria-describedby={described}
        aria-invalid={invalid || undefined}
        className="mt-1 size-4 shrink-0 accent-brand-700"
      />
      <label htmlFor={id} className="min-w-0">
        {label}
      </label>
    </div>
  );
}

/**
 * A checkbox sent as "on". After a refusal it is ticked as it was sent (an unticked box is absent from the
 * values); before that as `defaultChecked` says.
 */
export function CheckboxField({
  name,
  label,
  state,
  defaultChecked = false,
}: {
  name: string;
  label: ReactNode;
  state: FieldContext;
  defaultChecked?: boolean;
}) {
  return (
    <Choice
      type="checkbox"
      name={name}
      value="on"
      defaultChecked={state.values ? textValue(state, name) === "on" : defaultChecked}
      label={label}
    />
  );
}

export function Section({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <legend className="px-1 text-lg font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}
