"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { FormMessage } from "../../forms/FormMessage";
import { useFormAction } from "../../forms/useFormAction";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Account = { id: string; name: string; twoFactor: boolean; self: boolean };

/**
 * Whether an account signs in with a second factor, and for one that does (not the admin's own: that
 * is changed on their own page, with a code) a reset behind a tick, for a lost phone.
 */
export function TwoFactorCell({ account, reset }: { account: Account; reset: Action }) {
  const t = useTranslations("adminTwoFactor.accounts");
  const { state, pending, formProps } = useFormAction(reset, initialFormState);
  const id = `confirm-2fa-reset-${account.id}`;
  const shown = state.fieldErrors?.confirm ? { ...state, message: state.fieldErrors.confirm } : state;
  return (
    <div className="space-y-2">
      <span
        className={`inline-block rounded border px-2 py-0.5 text-xs font-medium ${account.twoFactor ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-slate-300 bg-slate-100 text-slate-700"}`}
        data-testid="two-factor-badge"
      >
        {account.twoFactor ? t("on") : t("off")}
      </span>
      {account.twoFactor && !account.self && (
        <form {...formProps} className="space-y-1">
          <input type="hidden" name="userId" value={account.id} />
          <div className="flex items-start gap-2">
            <input
              id={id}
              type="checkbox"
              name="confirm"
              value="on"
              required
              className="mt-0.5 size-4 shrink-0 accent-red-700"
            />
            <label htmlFor={id} className="text-sm">
              {t("confirmReset", { name: account.name })}
            </label>
          </div>
          <button
            type="submit"
            disabled={pending}
            className="rounded border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
          >
            {pending ? t("resetting") : t("reset")}
          </button>
        </form>
      )}
      <FormMessage state={shown} />
    </div>
  );
}
