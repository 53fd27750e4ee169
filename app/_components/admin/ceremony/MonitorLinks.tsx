"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "@/app/_components/calendar/CopyButton";
import { TextField, textValue } from "@/app/_components/forms/Field";
import { FormMessage } from "@/app/_components/forms/FormMessage";
import { SubmitButton } from "@/app/_components/forms/SubmitButton";
import { useFormAction } from "@/app/_components/forms/useFormAction";
import { initialFormState, type FormState } from "@/app/_lib/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  meetingSlug: string;
  sessionId: string;
  /** Newest first; times already formatted for the reader. */
  links: { id: string; label: string; createdAt: string; revokedAt: string | null }[];
  createAction: Action;
  revokeAction: Action;
};

/**
 * The confidence monitor's links: made with a name for the screen and shown once with a copy button
 * (only the hash is stored), listed afterwards by name, each revocable.
 */
export function MonitorLinks({ meetingSlug, sessionId, links, createAction, revokeAction }: Props) {
  const t = useTranslations("adminLive.monitor");
  const create = useFormAction(createAction, initialFormState);
  const link = create.state.ok ? textValue(create.state, "link") : undefined;
  const hidden = (
    <>
      <input type="hidden" name="meetingSlug" value={meetingSlug} />
      <input type="hidden" name="sessionId" value={sessionId} />
    </>
  );
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t("hint")}</p>
      <form {...create.formProps} className="space-y-3" data-testid="monitor-link-form">
        {hidden}
        {link ? (
          <div
            className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3"
            data-testid="monitor-link"
          >
            <p className="font-semibold">{t("created")}</p>
            <div className="flex flex-wrap items-center gap-2">
              <code className="min-w-0 break-all rounded bg-white px-2 py-1 text-sm select-all">{link}</code>
              <CopyButton text={link} label={t("copy")} copiedLabel={t("copied")} />
            </div>
          </div>
        ) : (
          <FormMessage state={create.state} />
        )}
        <div className="max-w-md">
          <TextField name="label" label={t("label")} state={create.state} required maxLength={80} />
        </div>
        <SubmitButton label={t("create")} pendingLabel={t("creating")} pending={create.pending} />
      </form>
      {links.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {links.map((entry) => (
            <li key={entry.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <span>
                <span className="font-medium">{entry.label}</span>{" "}
                <span className="text-sm text-slate-600">
                  {entry.revokedAt
                    ? t("revoked", { time: entry.revokedAt })
                    : t("createdAt", { time: entry.createdAt })}
                </span>
              </span>
              {!entry.revokedAt && (
                <RevokeButton tokenId={entry.id} label={entry.label} action={revokeAction}>
                  {hidden}
                </RevokeButton>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function RevokeButton({
  tokenId,
  label,
  action,
  children,
}: {
  tokenId: string;
  label: string;
  action: Action;
  children: React.ReactNode;
}) {
  const t = useTranslations("adminLive.monitor");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-2">
      {children}
      <input type="hidden" name="tokenId" value={tokenId} />
      <FormMessage state={state} />
      <SubmitButton
        label={t("revoke", { label })}
        pendingLabel={t("revoking")}
        pending={pending}
        tone="danger"
      />
    </form>
  );
}
