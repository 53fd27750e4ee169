"use client";

/** Opens the browser's print dialog; not part of the printout itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 print:hidden"
    >
      {label}
    </button>
  );
}
