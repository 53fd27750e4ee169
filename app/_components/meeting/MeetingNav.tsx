"use client";

import { usePathname } from "@/app/_lib/i18n/navigation";
import { Tabs } from "../site/Tabs";

type Props = { slug: string; label: string; overview: string; agenda: string; register: string };

/** Tabs of a meeting's public pages. */
export function MeetingNav({ slug, label, overview, agenda, register }: Props) {
  const pathname = usePathname();
  const items = [
    { href: `/meetings/${slug}`, text: overview, current: pathname === `/meetings/${slug}` },
    {
      href: `/meetings/${slug}/agenda`,
      text: agenda,
      current:
        pathname.startsWith(`/meetings/${slug}/agenda`) || pathname.startsWith(`/meetings/${slug}/sessions`),
    },
    {
      href: `/meetings/${slug}/register`,
      text: register,
      current: pathname.startsWith(`/meetings/${slug}/register`),
    },
  ];
  return <Tabs label={label} items={items} />;
}
