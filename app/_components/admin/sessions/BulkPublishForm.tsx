"use client";

import { useTranslations } from "next-intl";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { TextField } from "../../forms/Field";
import { FormMessage } from "../../forms/FormMessage";
import { useFormAction } from "../../forms/useFormAction";
import { BULK_PUBLISH_FORM } from "./bulk-publish-id";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  action: Action;
  meetingSlug: string;
  /** The meeting's drafts with their titles in the visitor's language, in the program's order. */
  drafts: { id: string; title: string }[];
};

const REASON = /^reason-(.+)$/;

/**
 * "Publish selected" (the drafts ticked in the program) and "Publish all drafts". Drafts held back by
 * conflicts come back with their conflicts in words and a reason field each; "Publish with these
 * reasons" publishes them, after the check has run once more.
 */
export function BulkPublishForm({ action, meetingSlug, drafts }: Props) {
  const t = useTranslations("adminSessions.programTools");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const titles = new Map(drafts.map((draft) => [draft.id, draft.title]));
  // Only drafts that are still drafts: a reason asked for a moment ago may be moot after a reload.
  const held = Object.keys(state.fieldErrors ?? {})
    .map((name) => REASON.exec(name)?.[1])
    .filter((id): id is string => id !== undefined && titles.has(id));
  const button = (scope: string, label: string, primary = true) => (
    <button
      type="submit"
      name="scope"
      value={scope}
      disabled={pending}
      aria-disabled={pending}
      className={`rounded px-4 py-2 font-semibold disabled:opacity-60 ${primary ? "bg-brand-700 text-white hover:bg-brand-800" : "border border-brand-700 text-brand-700 hover:bg-brand-50"}`}
    >
      {pending ? t("publishing") : label}
    </button>
  );
  if (drafts.length === 0 && !state.message) return null;
  return (
    <form
      {...formProps}
      id={BULK_PUBLISH_FORM}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby="bulk-publish-title"
      noValidate
    >
      <input type="hidden" name="meetingSlug" value={meetingSlug} />
      <h2 id="bulk-publish-title" className="text-lg font-semibold">
        {t("bulkTitle")}
      </h2>
      <p className="text-sm text-slate-700">{t("bulkIntro")}</p>
      {drafts.length > 0 && (
        <div className="flex flex-wrap gap-3">
          {button("selected", t("publishSelected"), false)}
          {button("all", t("publishAll", { count: drafts.length }))}
        </div>
      )}
      <FormMessage state={state} />
      {held.length > 0 && (
        <fieldset className="space-y-4 rounded border border-red-200 bg-red-50 p-3" data-testid="held-back">
          <legend className="px-1 font-semibold text-red-900">{t("heldTitle")}</legend>
          {held.map((id) => (
            <div key={id}>
              <input type="hidden" name="heldIds" value={id} />
              <TextField
                name={`reason-${id}`}
                label={t("reasonFor", { title: titles.get(id)! })}
                state={state}
                multiline
                maxLength={1000}
              />
            </div>
          ))}
          {button("reasons", t("publishWithReasons"))}
        </fieldset>
      )}
    </form>
  );
}
