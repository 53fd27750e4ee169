import { getTranslations } from "next-intl/server";
import type { MessageState } from "@/app/_lib/delegate-message";

const tones: Record<MessageState, string> = {
  draft: "border-slate-300 bg-slate-50 text-slate-800",
  sending: "border-amber-300 bg-amber-50 text-amber-900",
  sent: "border-emerald-300 bg-emerald-50 text-emerald-900",
  sentWithFailures: "border-red-300 bg-red-50 text-red-900",
};

/** Where a message stands, in words and colour (the words carry it). */
export async function MessageStatus({ state }: { state: MessageState }) {
  const t = await getTranslations("adminMessages.statuses");
  return (
    <span
      className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${tones[state]}`}
      data-testid="message-status"
      data-state={state}
    >
      {t(state)}
    </span>
  );
}
