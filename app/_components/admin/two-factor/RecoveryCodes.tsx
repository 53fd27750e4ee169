"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormState } from "@/app/_lib/form-state";
import { listValue } from "../../forms/Field";
import { FormMessage } from "../../forms/FormMessage";

/** The recovery codes an action has just made, if any (they are stored only as hashes). */
export function recoveryCodesOf(state: FormState): string[] {
  return state.ok ? (listValue(state, "recoveryCodes") ?? []) : [];
}

/** What an action that made recovery codes answered, with the codes; null when it made none. */
export function NewRecoveryCodes({ state, email }: { state: FormState; email: string }) {
  const codes = recoveryCodesOf(state);
  if (codes.length === 0) return null;
  return (
    <div className="space-y-4">
      <FormMessage state={state} />
      <RecoveryCodes codes={codes} email={email} />
    </div>
  );
}

/**
 * The recovery codes, shown this once: a list that prints on its own (the rest of the page is hidden in
 * print), and a button that goes on to the updated page, after which they are gone.
 */
export function RecoveryCodes({ codes, email }: { codes: string[]; email: string }) {
  const t = useTranslations("adminTwoFactor.codes");
  const router = useRouter();
  return (
    <section
      aria-labelledby="recovery-codes-heading"
      className="space-y-3 rounded border-2 border-amber-400 bg-amber-50 p-4 print:border-slate-400 print:bg-white"
      data-testid="recovery-codes"
      data-recovery-codes
    >
      <h2 id="recovery-codes-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-slate-700">{t("for", { email })}</p>
      <p className="print:hidden">{t("intro")}</p>
      <ol className="grid grid-cols-2 gap-x-3 gap-y-1 font-mono text-base sm:gap-x-8 sm:text-lg">
        {codes.map((code) => (
          <li
            key={code}
            className="rounded bg-white px-2 py-1 whitespace-nowrap select-all sm:px-3 sm:tracking-wider print:px-0"
          >
            {code}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2 print:hidden">
        <button
          type="button"
          onClick={() => window.print()}
          className="rounded border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50"
        >
          {t("print")}
        </button>
        <button
          type="button"
          onClick={() => router.refresh()}
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          {t("continue")}
        </button>
      </div>
    </section>
  );
}
