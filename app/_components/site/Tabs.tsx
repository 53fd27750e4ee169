"use client";

import { Link } from "@/app/_lib/i18n/navigation";

export type Tab = { href: string; text: string; current: boolean };

/** A row of tabs as links; the current one is marked for screen readers too. */
export function Tabs({ label, items, className = "" }: { label: string; items: Tab[]; className?: string }) {
  return (
    <nav aria-label={label} className={`flex flex-wrap gap-1 border-b border-slate-200 ${className}`}>
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
            item.current
              ? "border-brand-700 text-brand-700"
              : "border-transparent text-slate-600 hover:text-slate-900"
          }`}
        >
          {item.text}
        </Link>
      ))}
    </nav>
  );
}
