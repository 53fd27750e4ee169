"use client";

import { Link, usePathname } from "@/app/_lib/i18n/navigation";

type Props = { slug: string; label: string; overview: string; agenda: string; register: string };

/** Tabs of a meeting's pages; the current one is marked for screen readers too. */
export function MeetingNav({ slug, label, overview, agenda, register }: Props) {
  const pathname = usePathname();
  const items = [
    { href: `/meetings/${slug}`, text: overview, current: pathname === `/meetings/${slug}` },
    { href: `/meetings/${slug}/agenda`, text: agenda, current: pathname.startsWith(`/meetings/${slug}/agenda`) || pathname.startsWith(`/meetings/${slug}/sessions`) },
    { href: `/meetings/${slug}/register`, text: register, current: pathname.startsWith(`/meetings/${slug}/register`) },
  ];
  return (
    <nav aria-label={label} className="flex gap-1 border-b border-slate-200">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
            item.current ? "border-brand-700 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"
          }`}
        >
          {item.text}
        </Link>
      ))}
    </nav>
  );
}
