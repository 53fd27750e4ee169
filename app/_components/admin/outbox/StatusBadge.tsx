import { getTranslations } from "next-intl/server";
import type { OutboxStatus } from "@/app/_server/mail/outbox-admin";

const tones: Record<OutboxStatus, string> = {
  queued: "border-amber-300 bg-amber-50 text-amber-900",
  sent: "border-emerald-300 bg-emerald-50 text-emerald-900",
  failed: "border-red-300 bg-red-50 text-red-900",
};

/** An email's status in words and colour (the words carry it: colour alone would not). */
export async function StatusBadge({ status }: { status: OutboxStatus }) {
  const t = await getTranslations("adminNumbers.outbox.statuses");
  return (
    <span
      className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${tones[status]}`}
    >
      {t(status)}
    </span>
  );
}
