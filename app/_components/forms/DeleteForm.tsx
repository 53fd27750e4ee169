"use client";

import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { SubmitButton } from "./SubmitButton";
import { useFormAction } from "./useFormAction";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** What to delete: the ids the action reads. */
  hidden: Record<string, string>;
  label: string;
  pendingLabel: string;
};

/** A delete button; a refusal (the thing is still in use) is shown beside it. */
export function DeleteForm({ action, hidden, label, pendingLabel }: Props) {
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const refusal = state.fieldErrors?._ ?? (state.ok ? undefined : state.message);
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pending={pending} label={label} pendingLabel={pendingLabel} tone="danger" />
      {refusal && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {refusal}
        </p>
      )}
    </form>
  );
}
