"use client";

import { useTranslations } from "next-intl";
import { adminPaths } from "@/app/_lib/admin-paths";
import { usePathname } from "@/app/_lib/i18n/navigation";
import { Tabs } from "../site/Tabs";

/** Tabs of one meeting in the back office. */
export function MeetingAdminNav({ slug }: { slug: string }) {
  const t = useTranslations("admin.meetingNav");
  const pathname = usePathname();
  const items = [
    { href: adminPaths.meeting(slug), text: t("settings"), current: pathname === adminPaths.meeting(slug) },
    { href: adminPaths.sessions(slug), text: t("sessions"), current: pathname.startsWith(adminPaths.sessions(slug)) },
    { href: adminPaths.day(slug), text: t("day"), current: pathname.startsWith(adminPaths.day(slug)) },
    { href: adminPaths.rooms(slug), text: t("rooms"), current: pathname.startsWith(adminPaths.rooms(slug)) },
  ];
  return <Tabs label={t("label")} items={items} className="mb-6 print:hidden" />;
}
