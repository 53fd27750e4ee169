"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { userRoles, type UserRole } from "@/app/_lib/roles";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** Which roles must sign in with a second factor: one tick per role. */
export function TwoFactorPolicyForm({
  policies,
  action,
}: {
  policies: Record<UserRole, boolean>;
  action: Action;
}) {
  const t = useTranslations("adminTwoFactor.accounts");
  const tRoles = useTranslations("admin.roles");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const problem = Object.values(state.fieldErrors ?? {})[0];
  return (
    <form
      {...formProps}
      aria-labelledby="two-factor-policy-heading"
      className="space-y-3 rounded border border-slate-200 bg-white p-4"
    >
      <h2 id="two-factor-policy-heading" className="text-lg font-semibold">
        {t("policyHeading")}
      </h2>
      <p className="text-slate-700">{t("policyIntro")}</p>
      <fieldset className="flex flex-wrap gap-x-6 gap-y-2">
        <legend className="mb-1 font-medium">{t("policyFor")}</legend>
        {userRoles.map((role) => (
          <label key={role} className="flex items-center gap-2">
            <input
              type="checkbox"
              name="required"
              value={role}
              defaultChecked={policies[role]}
              className="size-4"
            />
            {tRoles(role)}
          </label>
        ))}
      </fieldset>
      <FormMessage state={problem ? { ...state, message: problem } : state} />
      <SubmitButton label={t("policySave")} pendingLabel={t("policySaving")} pending={pending} />
    </form>
  );
}
