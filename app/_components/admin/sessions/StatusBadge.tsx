const tones = {
  draft: "border-dashed border-slate-400 bg-slate-50 text-slate-700",
  published: "border-emerald-300 bg-emerald-50 text-emerald-900",
  cancelled: "border-red-300 bg-red-50 text-red-900 line-through",
} as const;

/** A session's status as a word in a badge; the style only repeats what the word says. */
export function StatusBadge({ status, label }: { status: keyof typeof tones; label: string }) {
  return (
    <span className={`inline-block rounded border px-1.5 py-0.5 text-xs font-medium ${tones[status]}`}>
      {label}
    </span>
  );
}
