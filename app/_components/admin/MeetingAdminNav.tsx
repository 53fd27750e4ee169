"use client";

import { useTranslations } from "next-intl";
import { adminPaths } from "@/app/_lib/admin-paths";
import { usePathname } from "@/app/_lib/i18n/navigation";
import { may, type Permission, type UserRole } from "@/app/_lib/roles";
import { Tabs } from "../site/Tabs";

type Tab = { key: string; href: string; permission: Permission; exact?: boolean };

function tabsOf(slug: string): Tab[] {
  return [
    { key: "settings", href: adminPaths.meeting(slug), permission: "editProgram", exact: true },
    { key: "sessions", href: adminPaths.sessions(slug), permission: "editProgram" },
    { key: "day", href: adminPaths.day(slug), permission: "editProgram" },
    { key: "rooms", href: adminPaths.rooms(slug), permission: "editProgram" },
    { key: "registrations", href: adminPaths.registrations(slug), permission: "manageRegistrations" },
    { key: "delegations", href: adminPaths.delegations(slug), permission: "manageRegistrations" },
    { key: "messages", href: adminPaths.messages(slug), permission: "writeToDelegates" },
    { key: "checkIn", href: adminPaths.checkIn(slug), permission: "checkIn" },
    { key: "numbers", href: adminPaths.numbers(slug), permission: "readNumbers" },
  ];
}

/** Tabs of one meeting in the back office: those the role may open (the pages check again). */
export function MeetingAdminNav({ slug, role }: { slug: string; role: UserRole }) {
  const t = useTranslations("admin.meetingNav");
  const pathname = usePathname();
  const items = tabsOf(slug)
    .filter((tab) => may(role, tab.permission))
    .map((tab) => ({
      href: tab.href,
      text: t(tab.key as "settings"),
      current: tab.exact ? pathname === tab.href : pathname.startsWith(tab.href),
    }));
  return <Tabs label={t("label")} items={items} className="mb-6 print:hidden" />;
}
