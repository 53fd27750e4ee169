"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { DataTable, type Column } from "@/app/_components/DataTable";
import { FormMessage } from "@/app/_components/forms/FormMessage";
import { SubmitButton } from "@/app/_components/forms/SubmitButton";
import { useFormAction } from "@/app/_components/forms/useFormAction";
import { moveItem } from "@/app/_lib/ceremony-order";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { useHydrated } from "@/app/_components/useHydrated";
import { useDragReorder } from "./useDragReorder";

export type OfficialRow = { personId: string; speaks: boolean; signs: boolean };

type Props = {
  meetingSlug: string;
  sessionId: string;
  officials: OfficialRow[];
  people: { id: string; name: string }[];
  action: (state: FormState, formData: FormData) => Promise<FormState>;
};

const buttonClass =
  "rounded border border-slate-300 bg-white px-2.5 py-1 text-sm hover:bg-slate-100 disabled:opacity-40";

/**
 * The order of precedence as one form. With JavaScript the buttons and dragging change the list here and
 * "save" sends it; without, every button is a submit that applies its change and saves (the server reads
 * the button's `intent`).
 */
export function OfficialsEditor({ meetingSlug, sessionId, officials, people, action }: Props) {
  const t = useTranslations("adminCeremony.officials");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const [rows, setRows] = useState(officials);
  const savedKey = JSON.stringify(officials);
  const [synced, setSynced] = useState(savedKey);
  if (synced !== savedKey) {
    setSynced(savedKey);
    setRows(officials);
  }
  const hydrated = useHydrated();
  const [adding, setAdding] = useState("");
  const names = new Map(people.map((person) => [person.id, person.name]));
  const dirty = JSON.stringify(rows) !== savedKey;

  const move = (from: number, to: number) => setRows((current) => moveItem(current, from, to));
  const drag = useDragReorder(move);
  const update = (index: number, change: Partial<OfficialRow>) =>
    setRows((current) => current.map((row, at) => (at === index ? { ...row, ...change } : row)));

  /** A submit with its intent before hydration; a local change after. */
  const intentButton = (intent: string, onClick: () => void) =>
    hydrated
      ? { type: "button" as const, onClick }
      : { type: "submit" as const, name: "intent", value: intent };

  const nameOf = (row: OfficialRow) => names.get(row.personId) ?? row.personId;
  const checkbox = (field: "speaks" | "signs", label: "speaksLabel" | "signsLabel") => ({
    key: field,
    header: t(field),
    cell: (row: OfficialRow, index: number) => (
      <input
        type="checkbox"
        name={field}
        value={row.personId}
        checked={row[field]}
        onChange={(event) => update(index, { [field]: event.target.checked })}
        aria-label={t(label, { person: nameOf(row) })}
        className="size-4 accent-brand-700"
      />
    ),
  });
  const columns: Column<OfficialRow>[] = [
    {
      key: "place",
      header: t("place"),
      className: "whitespace-nowrap tabular-nums",
      cell: (row, index) => (
        <>
          <span
            {...drag.handleProps(index)}
            aria-hidden="true"
            title={t("drag", { person: nameOf(row) })}
            className="mr-2 hidden cursor-grab select-none text-slate-400 sm:inline"
          >
            ⠿
          </span>
          {index + 1}
          <input type="hidden" name="personIds" value={row.personId} />
        </>
      ),
    },
    { key: "person", header: t("person"), className: "font-medium", cell: nameOf },
    checkbox("speaks", "speaksLabel"),
    checkbox("signs", "signsLabel"),
    {
      key: "actions",
      header: t("actions"),
      cell: (row, index) => (
        <div className="flex flex-wrap gap-1">
          <button
            {...intentButton(`up:${row.personId}`, () => move(index, index - 1))}
            disabled={index === 0}
            aria-label={t("moveUp", { person: nameOf(row) })}
            className={buttonClass}
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            {...intentButton(`down:${row.personId}`, () => move(index, index + 1))}
            disabled={index === rows.length - 1}
            aria-label={t("moveDown", { person: nameOf(row) })}
            className={buttonClass}
          >
            <span aria-hidden="true">↓</span>
          </button>
          <button
            {...intentButton(`remove:${row.personId}`, () =>
              setRows((current) => current.filter((_, at) => at !== index)),
            )}
            className={buttonClass}
          >
            {t("remove", { person: nameOf(row) })}
          </button>
        </div>
      ),
    },
  ];

  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="meetingSlug" value={meetingSlug} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <FormMessage state={state} />
      <DataTable
        look="boxed"
        columns={columns}
        rows={rows}
        rowKey={(row) => row.personId}
        rowProps={(_, index) => ({
          ...drag.rowProps(index),
          className: "data-[dragging]:opacity-50 data-[drop-target]:bg-brand-50",
        })}
        empty={<span className="text-slate-600">{t("empty")}</span>}
        testId="officials"
      />
      <div className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor="official-add" className="block text-sm font-medium">
            {t("add")}
          </label>
          <select
            id="official-add"
            name="addPersonId"
            value={adding}
            onChange={(event) => setAdding(event.target.value)}
            className="rounded border border-slate-300 bg-white px-3 py-2"
          >
            <option value="">{t("choose")}</option>
            {people
              .filter((person) => !rows.some((row) => row.personId === person.id))
              .map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
          </select>
        </div>
        <button
          {...intentButton("add", () => {
            if (!adding) return;
            setRows((current) => [...current, { personId: adding, speaks: false, signs: false }]);
            setAdding("");
          })}
          className={buttonClass}
        >
          {t("addButton")}
        </button>
      </div>
      {dirty && (
        <p role="status" className="text-sm font-medium text-amber-900">
          {t("unsaved")}
        </p>
      )}
      <SubmitButton label={t("save")} pendingLabel={t("saving")} pending={pending} />
    </form>
  );
}
