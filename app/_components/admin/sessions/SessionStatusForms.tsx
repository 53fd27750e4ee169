"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { Choice, describedBy, FieldMessages } from "../../forms/Field";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  meetingSlug: string;
  sessionId: string;
  status: "draft" | "published" | "cancelled";
  actions: { publish: Action; unpublish: Action; cancel: Action; remove: Action };
};

function Hidden({ meetingSlug, sessionId }: { meetingSlug: string; sessionId: string }) {
  return (
    <>
      <input type="hidden" name="meetingSlug" value={meetingSlug} />
      <input type="hidden" name="sessionId" value={sessionId} />
    </>
  );
}

/** One status change as its own small form: a button, a sentence on what it does, the outcome. */
function StatusForm({
  action,
  label,
  hint,
  tone,
  ids,
}: {
  action: Action;
  label: string;
  hint: string;
  tone?: "danger";
  ids: { meetingSlug: string; sessionId: string };
}) {
  const t = useTranslations("adminSessions.status");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="space-y-2 rounded border border-slate-200 p-3">
      <Hidden {...ids} />
      <p className="text-sm text-slate-600">{hint}</p>
      <SubmitButton label={label} pendingLabel={t("working")} pending={pending} tone={tone} />
      <FormMessage state={state} />
    </form>
  );
}

function DeleteForm({ action, ids }: { action: Action; ids: { meetingSlug: string; sessionId: string } }) {
  const t = useTranslations("adminSessions.status");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="space-y-2 rounded border border-red-200 p-3">
      <Hidden {...ids} />
      <p className="text-sm text-slate-600">{t("deleteHint")}</p>
      <Choice
        type="checkbox"
        name="confirm"
        value="on"
        defaultChecked={false}
        label={t("deleteConfirm")}
        describedBy={describedBy("confirm", state)}
        invalid={Boolean(state.fieldErrors?.confirm)}
      />
      <FieldMessages name="confirm" state={state} />
      <SubmitButton label={t("delete")} pendingLabel={t("working")} pending={pending} tone="danger" />
      {!state.fieldErrors?.confirm && <FormMessage state={state} />}
    </form>
  );
}

/** Publish, back to draft, cancel, delete: the ones that apply to the current status. */
export function SessionStatusForms({ meetingSlug, sessionId, status, actions }: Props) {
  const t = useTranslations("adminSessions.status");
  const ts = useTranslations("adminSessions.statuses");
  const ids = { meetingSlug, sessionId };
  return (
    <div className="space-y-3">
      {/* A live region: the form that was used may be gone after the change, this sentence announces it. */}
      <p role="status" className="font-medium" data-testid="session-status">
        {t("current", { status: ts(status) })}
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        {status !== "published" && (
          <StatusForm action={actions.publish} label={t("publish")} hint={t("publishHint")} ids={ids} />
        )}
        {status !== "draft" && (
          <StatusForm action={actions.unpublish} label={t("unpublish")} hint={t("unpublishHint")} ids={ids} />
        )}
        {status !== "cancelled" && (
          <StatusForm
            action={actions.cancel}
            label={t("cancel")}
            hint={t("cancelHint")}
            tone="danger"
            ids={ids}
          />
        )}
        <DeleteForm action={actions.remove} ids={ids} />
      </div>
    </div>
  );
}
