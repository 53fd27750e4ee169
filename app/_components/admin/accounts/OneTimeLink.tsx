"use client";

import { useTranslations } from "next-intl";
import type { FormState } from "@/app/_lib/form-state";
import { CopyButton } from "../../calendar/CopyButton";
import { textValue } from "../../forms/Field";

/**
 * A set-password link an action just made: shown this once (it is stored only as a hash), with a copy
 * button and the address selectable for browsers without clipboard access.
 */
export function OneTimeLink({ state }: { state: FormState }) {
  const t = useTranslations("adminAccounts.link");
  const link = state.ok ? textValue(state, "link") : undefined;
  if (!link) return null;
  const validity = textValue(state, "validity") === "reset" ? "reset" : "invite";
  return (
    <div className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3" data-testid="one-time-link">
      <p className="font-semibold">{t("heading")}</p>
      <p className="text-sm">{t("text", { validity: t(validity) })}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="min-w-0 break-all rounded bg-white px-2 py-1 text-sm select-all">{link}</code>
        <CopyButton text={link} label={t("copy")} copiedLabel={t("copied")} />
      </div>
    </div>
  );
}
