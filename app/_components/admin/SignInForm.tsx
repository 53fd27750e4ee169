"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { SIGN_IN_ERRORS } from "@/app/_lib/accounts/sign-in-errors";
import { LabelledField, PasswordField } from "../forms/Field";
import { FormMessage } from "../forms/FormMessage";
import { SubmitButton } from "../forms/SubmitButton";

const input = "w-full rounded border border-slate-300 bg-white px-3 py-2";

/**
 * Sign-in through next-auth's credentials endpoint (CSRF token included by `signIn`). A wrong address
 * and a wrong password get the same sentence; the typed address stays. An account with a second
 * factor is asked for its code after the right password, in the same form: the address and password
 * stay filled in and are sent again with the code.
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("admin.signIn");
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const [askCode, setAskCode] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      code: String(form.get("code") ?? ""),
      redirect: false,
    }).catch(() => undefined);
    if (result?.ok && !result.error) {
      // A full load, so that every server component sees the new session cookie.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    if (result?.error === SIGN_IN_ERRORS.secondFactor) {
      setAskCode(true);
      setError(t("codeNeeded"));
      return;
    }
    if (result?.error === SIGN_IN_ERRORS.rateLimited) setError(t("rateLimited"));
    else if (result?.error === SIGN_IN_ERRORS.disabled) setError(t("disabled"));
    else if (!result) setError(t("failed"));
    else setError(askCode ? t("wrongCode") : t("wrong"));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && <FormMessage state={{ ok: false, message: error }} />}
      {/* Errors are the form's one sentence above: the fields themselves are never marked. */}
      <LabelledField name="email" label={t("email")} state={{}}>
        <input id="email" name="email" type="email" autoComplete="username" required className={input} />
      </LabelledField>
      <PasswordField name="password" label={t("password")} state={{}} autoComplete="current-password" />
      {askCode && (
        <div className="space-y-1">
          <label htmlFor="code" className="block font-medium">
            {t("code")}
          </label>
          {/* Focused as it appears: the one field the person has to fill in now. */}
          <input
            autoFocus
            id="code"
            name="code"
            type="text"
            inputMode="text"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={20}
            required
            aria-describedby="code-hint"
            className="w-full rounded border border-slate-300 bg-white px-3 py-2 font-mono tracking-widest"
          />
          <p id="code-hint" className="text-sm text-slate-600">
            {t("codeHint")}
          </p>
        </div>
      )}
      <SubmitButton label={t("submit")} pendingLabel={t("pending")} pending={pending} />
    </form>
  );
}
