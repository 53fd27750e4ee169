import type { ReactNode } from "react";

/** One figure of the summary row: the number large, what it counts beneath, an optional link. */
export function Stat({
  label,
  value,
  detail,
  children,
}: {
  label: string;
  value: number | string;
  detail?: string;
  children?: ReactNode;
}) {
  return (
    <div className="break-inside-avoid rounded border border-slate-200 bg-white p-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="text-3xl font-bold tabular-nums">{value}</dd>
      {detail && <dd className="text-sm text-slate-600">{detail}</dd>}
      {children && <dd className="mt-1 text-sm">{children}</dd>}
    </div>
  );
}
