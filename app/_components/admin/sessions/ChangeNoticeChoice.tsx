"use client";

import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { NOTICE_QUIET_MINUTES } from "@/app/_lib/agenda/change-notice";
import { inputClass, invalidProps, LabelledField, textValue, type FieldContext } from "../../forms/Field";

type Props = {
  /** Delegates with a seat or a waiting place that the change would tell. */
  audience: number;
  /** The form changes what delegates are told of (a status action always does; the editor once time or room differ). */
  changed: boolean;
  state: FieldContext;
  /** Without the sentence on how they are told: a status action's form, next to the editor that has it. */
  brief?: boolean;
};

/** The fields whose change a published session's delegates are told of (README "Change notices"). */
const toldFields = ["date", "startTime", "endTime", "roomId"] as const;
type ToldValues = Record<(typeof toldFields)[number], string>;

/** The form's time and room as typed. */
function toldValues(form: HTMLFormElement): ToldValues {
  const value = (name: string) => {
    const field = form.elements.namedItem(name);
    return field instanceof HTMLInputElement || field instanceof HTMLSelectElement ? field.value : "";
  };
  return Object.fromEntries(toldFields.map((name) => [name, value(name)])) as ToldValues;
}

/**
 * For the session editor: whether the time and room as typed differ from the stored ones (which a save
 * brings up to date), so that the delegates "will be told", not "would be". `stored`: the session, when
 * its delegates are told of changes at all.
 */
export function useToldChange(stored: Partial<Record<keyof ToldValues, string | null>> | undefined) {
  const [typed, setTyped] = useState<ToldValues | null>(null);
  const changed =
    stored !== undefined && typed !== null && toldFields.some((name) => typed[name] !== (stored[name] ?? ""));
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    if (stored) setTyped(toldValues(event.currentTarget));
  };
  return { changed, onChange };
}

/**
 * Before saving a change of a published session's time, room or status: how many delegates will be told,
 * how, and the choice not to tell them, with a reason for the audit log. Each status action has its own,
 * so the ids are the component's own.
 */
export function ChangeNoticeChoice({ audience, changed, state, brief = false }: Props) {
  const t = useTranslations("adminSessionNotice");
  const id = useId();
  const [withhold, setWithhold] = useState(textValue(state, "withholdNotice") === "on");
  const reasonId = `${id}-reason`;
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="space-y-2 rounded-lg border border-sky-300 bg-sky-50 p-3"
      data-testid="change-notice"
    >
      <h3 id={`${id}-title`} className="font-semibold">
        {t("title")}
      </h3>
      <p className="font-medium" aria-live="polite" data-testid="change-notice-count">
        {changed ? t("willBeTold", { count: audience }) : t("wouldBeTold", { count: audience })}
      </p>
      {!brief && <p className="text-sm text-slate-600">{t("how", { minutes: NOTICE_QUIET_MINUTES })}</p>}
      <div className="flex items-start gap-2">
        <input
          id={`${id}-withhold`}
          type="checkbox"
          name="withholdNotice"
          value="on"
          defaultChecked={withhold}
          onChange={(event) => setWithhold(event.currentTarget.checked)}
          className="mt-1 size-4 shrink-0 accent-brand-700"
        />
        <label htmlFor={`${id}-withhold`}>{t("withhold")}</label>
      </div>
      {(withhold || Boolean(state.fieldErrors?.noticeReason)) && (
        <LabelledField name="noticeReason" id={reasonId} label={t("reason")} state={state}>
          <textarea
            id={reasonId}
            name="noticeReason"
            rows={2}
            maxLength={1000}
            defaultValue={textValue(state, "noticeReason") ?? ""}
            {...invalidProps("noticeReason", state)}
            className={inputClass}
          />
        </LabelledField>
      )}
    </section>
  );
}
