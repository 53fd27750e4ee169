"use client";

import { useTranslations } from "next-intl";
import { adminPaths } from "@/app/_lib/admin-paths";
import { Link, usePathname } from "@/app/_lib/i18n/navigation";

/** Tabs of one meeting in the back office; the current one is marked for screen readers too. */
export function MeetingAdminNav({ slug }: { slug: string }) {
  const t = useTranslations("admin.meetingNav");
  const pathname = usePathname();
  const items = [
    { href: adminPaths.meeting(slug), text: t("settings"), current: pathname === adminPaths.meeting(slug) },
    { href: adminPaths.sessions(slug), text: t("sessions"), current: pathname.startsWith(adminPaths.sessions(slug)) },
    { href: adminPaths.day(slug), text: t("day"), current: pathname.startsWith(adminPaths.day(slug)) },
    { href: adminPaths.rooms(slug), text: t("rooms"), current: pathname.startsWith(adminPaths.rooms(slug)) },
  ];
  return (
    <nav aria-label={t("label")} className="mb-6 flex flex-wrap gap-1 border-b border-slate-200 print:hidden">
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
