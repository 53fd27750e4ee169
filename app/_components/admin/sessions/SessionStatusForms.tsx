"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { Choice, describedBy, FieldMessages, TextField } from "../../forms/Field";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";
import { ChangeNoticeChoice } from "./ChangeNoticeChoice";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  meetingSlug: string;
  sessionId: string;
  status: "draft" | "published" | "cancelled";
  /** Delegates a change of status tells; 0 while the session was never published. */
  noticeAudience: number;
  actions: { publish: Action; unpublish: Action; cancel: Action; remove: Action; duplicate: Action };
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
  noticeAudience = 0,
}: {
  action: Action;
  label: string;
  hint: string;
  tone?: "danger";
  ids: { meetingSlug: string; sessionId: string };
  /** Delegates this change tells (README "Change notices"); none: no notice to choose about. */
  noticeAudience?: number;
}) {
  const t = useTranslations("adminSessions.status");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <form {...formProps} className="space-y-2 rounded border border-slate-200 p-3">
      <Hidden {...ids} />
      <p className="text-sm text-slate-600">{hint}</p>
      {noticeAudience > 0 && <ChangeNoticeChoice audience={noticeAudience} changed state={state} brief />}
      <SubmitButton label={label} pendingLabel={t("working")} pending={pending} tone={tone} />
      <FormMessage state={state} />
    </form>
  );
}

/**
 * Publishing runs the conflict check again: conflicts come back as sentences, and the form then asks for
 * the reason to publish anyway, kept as the session's conflict note.
 */
function PublishForm({
  action,
  ids,
  noticeAudience,
}: {
  action: Action;
  ids: { meetingSlug: string; sessionId: string };
  noticeAudience: number;
}) {
  const t = useTranslations("adminSessions.status");
  const tp = useTranslations("adminSessions.programTools");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const conflicts = state.notices ?? [];
  const asking = conflicts.length > 0 || Boolean(state.fieldErrors?.reason);
  return (
    <form {...formProps} className="space-y-2 rounded border border-slate-200 p-3" noValidate>
      <Hidden {...ids} />
      <p className="text-sm text-slate-600">{t("publishHint")}</p>
      {noticeAudience > 0 && <ChangeNoticeChoice audience={noticeAudience} changed state={state} brief />}
      <FormMessage state={state} />
      {conflicts.length > 0 && (
        <ul className="list-disc pl-5 text-sm text-red-900" data-testid="publish-conflicts">
          {conflicts.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      )}
      {asking && (
        <TextField
          name="reason"
          label={tp("reason")}
          hint={tp("reasonHint")}
          state={state}
          multiline
          maxLength={1000}
        />
      )}
      <SubmitButton label={t("publish")} pendingLabel={t("working")} pending={pending} />
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

function DuplicateForm({ action, ids }: { action: Action; ids: { meetingSlug: string; sessionId: string } }) {
  const tp = useTranslations("adminSessions.programTools");
  return <StatusForm action={action} label={tp("duplicate")} hint={tp("duplicateHint")} ids={ids} />;
}

/** Publish, back to draft, cancel, duplicate, delete: the ones that apply to the current status. */
export function SessionStatusForms({ meetingSlug, sessionId, status, noticeAudience, actions }: Props) {
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
          <PublishForm action={actions.publish} ids={ids} noticeAudience={noticeAudience} />
        )}
        {/* Only leaving the published state is told: a cancelled session was told of already. */}
        {status !== "draft" && (
          <StatusForm
            action={actions.unpublish}
            label={t("unpublish")}
            hint={t("unpublishHint")}
            ids={ids}
            noticeAudience={status === "published" ? noticeAudience : 0}
          />
        )}
        {status !== "cancelled" && (
          <StatusForm
            action={actions.cancel}
            label={t("cancel")}
            hint={t("cancelHint")}
            tone="danger"
            ids={ids}
            noticeAudience={status === "published" ? noticeAudience : 0}
          />
        )}
        <DuplicateForm action={actions.duplicate} ids={ids} />
        <DeleteForm action={actions.remove} ids={ids} />
      </div>
    </div>
  );
}
