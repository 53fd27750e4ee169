"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/app/_components/forms/FormMessage";
import { useFormAction } from "@/app/_components/forms/useFormAction";
import { initialFormState, type FormState } from "@/app/_lib/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Deleted = { id: string; title: string; time: string };

type Props = {
  meetingSlug: string;
  sessionId: string;
  /** The segments this organizer deleted a short while ago, newest first, with the time in the meeting's zone. */
  deleted: Deleted[];
  action: Action;
};

function UndoForm({
  meetingSlug,
  sessionId,
  segment,
  action,
}: Omit<Props, "deleted"> & { segment: Deleted }) {
  const t = useTranslations("adminCeremony.segment");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  return (
    <li className="flex flex-wrap items-center gap-3 rounded border border-slate-300 bg-slate-50 px-3 py-2">
      <span>{t("deletedNotice", { segment: segment.title, time: segment.time })}</span>
      <form {...formProps}>
        <input type="hidden" name="meetingSlug" value={meetingSlug} />
        <input type="hidden" name="sessionId" value={sessionId} />
        <input type="hidden" name="segmentId" value={segment.id} />
        <button
          type="submit"
          disabled={pending}
          aria-label={t("undoLabel", { segment: segment.title })}
          className="rounded border border-brand-700 bg-white px-3 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60"
        >
          {pending ? t("restoring") : t("undo")}
        </button>
      </form>
      {!state.ok && <FormMessage state={state} />}
    </li>
  );
}

/**
 * "Deleted … Undo" for the segments just deleted. The list comes from the server (the audit log of the
 * deletions), so it is there after the page reloads and without JavaScript too; an undone segment leaves it.
 */
export function UndoDeletions({ deleted, ...props }: Props) {
  return (
    <div role="status" aria-live="polite">
      {deleted.length > 0 && (
        <ul className="space-y-2" data-testid="deleted-segments">
          {deleted.map((segment) => (
            <UndoForm key={segment.id} {...props} segment={segment} />
          ))}
        </ul>
      )}
    </div>
  );
}
