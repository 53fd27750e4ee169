"use client";

import type { FormState } from "@/app/_lib/form-state";
import { describedBy, FieldMessages } from "../../forms/Field";

type Props = { id: string; name: string; label: string; hint?: string; state: FormState };

/**
 * The account's own password, typed again to prove who is at the keyboard (a password change, a first
 * second factor). Never filled in again after an error.
 */
export function CurrentPasswordField({ id, name, label, hint, state }: Props) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="password"
        autoComplete="current-password"
        required
        maxLength={1024}
        aria-invalid={state.fieldErrors?.[name] ? true : undefined}
        aria-describedby={describedBy(name, state, hint)}
        className="w-full rounded border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600"
      />
      <FieldMessages name={name} hint={hint} state={state} />
    </div>
  );
}
