import { invalidProps, LabelledField, type FieldContext } from "../../forms/Field";

type Props = {
  id: string;
  label: string;
  state: FieldContext;
  /** Only the six digits of the app (a number pad on phones); otherwise a recovery code is taken too. */
  digitsOnly?: boolean;
};

/**
 * The field for a code. Never filled in again after an error: a code is good for 30 seconds at most.
 * `one-time-code` lets phones offer a code they have just received.
 */
export function CodeField({ id, label, state, digitsOnly = false }: Props) {
  return (
    <LabelledField name="code" id={id} label={label} state={state}>
      <input
        id={id}
        name="code"
        required
        autoComplete="one-time-code"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        inputMode={digitsOnly ? "numeric" : "text"}
        pattern={digitsOnly ? "[0-9]{6}" : undefined}
        maxLength={digitsOnly ? 6 : 16}
        {...invalidProps("code", state)}
        className="w-48 rounded border border-slate-300 bg-white px-3 py-2 font-mono text-lg tracking-widest aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600"
      />
    </LabelledField>
  );
}
