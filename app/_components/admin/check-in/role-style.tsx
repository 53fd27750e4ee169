import type { DelegateRole } from "@/app/_lib/registration/fields";

/**
 * One colour per delegate role, on the desk and on the badges alike, so that staff learn them once. The
 * role's name is always written beside or on the colour: colour alone says nothing to everyone.
 */
export const roleStyles: Record<DelegateRole, { chip: string; band: string }> = {
  head_of_delegation: { chip: "border-red-300 bg-red-50 text-red-900", band: "bg-red-700 text-white" },
  delegate: { chip: "border-blue-300 bg-blue-50 text-blue-900", band: "bg-blue-700 text-white" },
  interpreter: {
    chip: "border-emerald-300 bg-emerald-50 text-emerald-900",
    band: "bg-emerald-700 text-white",
  },
  press: { chip: "border-amber-300 bg-amber-50 text-amber-900", band: "bg-amber-400 text-slate-950" },
  guest: { chip: "border-violet-300 bg-violet-50 text-violet-900", band: "bg-violet-700 text-white" },
};

export function RoleChip({ role, label }: { role: DelegateRole; label: string }) {
  return (
    <span
      className={`inline-block rounded border px-2 py-0.5 text-sm font-semibold ${roleStyles[role].chip}`}
    >
      {label}
    </span>
  );
}
