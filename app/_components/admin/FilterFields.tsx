import type { ReactNode } from "react";

/**
 * The fields of the back office's filter forms (audit log, outbox, registrations): plain GET forms whose
 * values come back in the address, so a filtered list can be bookmarked and works without a script.
 */

const control = "w-full rounded border border-slate-300 bg-white px-3 py-2";

function FilterLabel({
  label,
  className = "",
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <label className={`min-w-0 space-y-1 ${className}`}>
      <span className="block text-sm font-medium">{label}</span>
      {children}
    </label>
  );
}

type SelectProps = {
  name: string;
  label: string;
  /** The filter's value from the address; none: the first option ("all"). */
  value: string | undefined;
  className?: string;
  children: ReactNode;
};

export function FilterSelect({ name, label, value, className, children }: SelectProps) {
  return (
    <FilterLabel label={label} className={className}>
      <select name={name} defaultValue={value ?? ""} className={control}>
        {children}
      </select>
    </FilterLabel>
  );
}

type InputProps = {
  name: string;
  label: string;
  value: string | undefined;
  placeholder?: string;
  type?: "text" | "search";
  maxLength?: number;
  className?: string;
};

export function FilterInput({ name, label, value, className, ...rest }: InputProps) {
  return (
    <FilterLabel label={label} className={className}>
      <input name={name} defaultValue={value ?? ""} className={control} {...rest} />
    </FilterLabel>
  );
}
