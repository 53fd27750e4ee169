"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FormMessage } from "../forms/FormMessage";
import { SubmitButton } from "../forms/SubmitButton";

const RATE_LIMITED = "rate_limited";

/**
 * Sign-in through next-auth's credentials endpoint (CSRF token included by `signIn`). A wrong address
 * and a wrong password get the same sentence; the typed address stays.
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("admin.signIn");
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => undefined);
    if (result?.ok && !result.error) {
      // A full load, so that every server component sees the new session cookie.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(result?.error === RATE_LIMITED ? t("rateLimited") : result ? t("wrong") : t("failed"));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && <FormMessage state={{ ok: false, message: error }} />}
      <div className="space-y-1">
        <label htmlFor="email" className="block font-medium">
          {t("email")}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className="w-full rounded border border-slate-300 bg-white px-3 py-2" />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="block font-medium">
          {t("password")}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="w-full rounded border border-slate-300 bg-white px-3 py-2" />
      </div>
      <SubmitButton label={t("submit")} pendingLabel={t("pending")} pending={pending} />
    </form>
  );
}
