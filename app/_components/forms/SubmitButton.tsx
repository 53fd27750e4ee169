type Props = { label: string; pendingLabel: string; pending: boolean; tone?: "primary" | "danger" };

/** Disabled while its form is on the way, so a double click sends once (the server is idempotent anyway). */
export function SubmitButton({ label, pendingLabel, pending, tone = "primary" }: Props) {
  const tones = {
    primary: "bg-brand-700 text-white hover:bg-brand-800",
    danger: "bg-red-700 text-white hover:bg-red-800",
  };
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`rounded px-5 py-2.5 font-semibold disabled:opacity-60 ${tones[tone]}`}
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
