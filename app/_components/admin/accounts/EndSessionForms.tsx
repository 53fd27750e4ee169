"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { FormMessage } from "../../forms/FormMessage";
import { useFormAction } from "../../forms/useFormAction";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const buttonClass =
  "rounded border border-red-300 bg-white px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60";

/** Ends one session of the list. */
export function EndSessionForm({
  action,
  userId,
  handle,
}: {
  action: Action;
  userId?: string;
  handle: string;
}) {
  const t = useTranslations("adminOwnAccount.sessions");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="space-y-1">
      {userId && <input type="hidden" name="userId" value={userId} />}
      <input type="hidden" name="session" value={handle} />
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? t("ending") : t("end")}
      </button>
      {!state.ok && <FormMessage state={state} />}
    </form>
  );
}

/** Ends every session of the account but the one in this browser. */
export function EndSessionsForm({
  action,
  userId,
  label,
  nothingToEnd,
}: {
  action: Action;
  userId?: string;
  label: string;
  nothingToEnd: boolean;
}) {
  const t = useTranslations("adminOwnAccount.sessions");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="space-y-2">
      {userId && <input type="hidden" name="userId" value={userId} />}
      <button type="submit" disabled={pending || nothingToEnd} className={buttonClass}>
        {pending ? t("endingOthers") : label}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
