"use client";

import { useTranslations } from "next-intl";
import { adminPaths } from "@/app/_lib/admin-paths";
import { Link } from "@/app/_lib/i18n/navigation";
import { initialFormState, type FormState } from "@/app/_lib/registration/form";
import { describedBy, FieldMessages, TextField } from "../../forms/Field";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState>; token: string; minLength: number };

const inputClass =
  "w-full rounded border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600";

/**
 * The first admin's address, name and password. After a refusal the address and name stay as typed; the
 * passwords never come back from the server. Afterwards only the way to sign in.
 */
export function FirstAdminForm({ action, token, minLength }: Props) {
  const t = useTranslations("adminAccounts.setup");
  const tPassword = useTranslations("adminAccounts.password");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  if (state.ok) {
    return (
      <div className="space-y-4">
        <FormMessage state={state} />
        <Link href={adminPaths.signIn} className="inline-block rounded bg-brand-700 px-5 py-2.5 font-semibold text-white">
          {tPassword("signIn")}
        </Link>
      </div>
    );
  }
  const hint = tPassword("hint", { min: minLength });
  const linkError = state.fieldErrors?._;
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <FormMessage state={linkError ? { ...state, message: linkError } : state} />
      <input type="hidden" name="token" value={token} />
      <TextField name="email" type="email" label={t("email")} state={state} required requiredLabel={t("required")} autoComplete="username" maxLength={254} />
      <TextField name="name" label={t("name")} state={state} required requiredLabel={t("required")} autoComplete="name" maxLength={200} />
      {(["password", "passwordRepeat"] as const).map((name) => (
        <div key={name} className="space-y-1">
          <label htmlFor={name} className="block font-medium">
            {tPassword(name)}
          </label>
          <input
            id={name}
            name={name}
            type="password"
            autoComplete="new-password"
            required
            minLength={minLength}
            maxLength={1024}
            aria-invalid={state.fieldErrors?.[name] ? true : undefined}
            aria-describedby={describedBy(name, state, name === "password" ? hint : undefined)}
            className={inputClass}
          />
          <FieldMessages name={name} hint={name === "password" ? hint : undefined} state={state} />
        </div>
      ))}
      <SubmitButton label={t("submit")} pendingLabel={t("pending")} pending={pending} />
    </form>
  );
}
