import type { FormState } from "@/app/_lib/form-state";

/** The sentence about the whole form, announced to screen readers when it appears. */
export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      data-testid="form-message"
      className={`rounded border px-4 py-3 font-medium ${state.ok ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-red-300 bg-red-50 text-red-900"}`}
    >
      {state.message}
    </p>
  );
}
