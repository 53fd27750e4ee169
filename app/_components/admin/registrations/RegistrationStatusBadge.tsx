const tones = {
  pending: "border-amber-300 bg-amber-50 text-amber-900",
  confirmed: "border-emerald-300 bg-emerald-50 text-emerald-900",
  cancelled: "border-slate-300 bg-slate-50 text-slate-700 line-through",
  rejected: "border-red-300 bg-red-50 text-red-900",
} as const;

/** A registration's status as a word in a badge; the colour only repeats what the word says. */
export function RegistrationStatusBadge({ status, label }: { status: keyof typeof tones; label: string }) {
  return (
    <span
      className={`inline-block rounded border px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${tones[status]}`}
      data-status={status}
    >
      {label}
    </span>
  );
}
