"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { speakerRoles } from "@/app/_lib/agenda/session-fields";

type Option = { value: string; label: string };
type Row = { key: number; personId: string; role: string };

type Props = {
  people: Option[];
  initial: { personId: string; role: string }[];
  /** The sentence of the schema about the speakers (unknown person, one person twice). */
  error?: string;
};

const selectClass = "w-full rounded border border-slate-300 bg-white px-3 py-2 text-base";

/**
 * Speakers in order: one row each (person, role, remove), and a button to add a row. The rows are sent
 * as repeated `speakerPerson`/`speakerRole` fields; a row without a person is ignored.
 */
export function SpeakerRows({ people, initial, error }: Props) {
  const t = useTranslations("adminSessions.editor");
  const tr = useTranslations("session.roles");
  const next = useRef(initial.length);
  const [rows, setRows] = useState<Row[]>(() => initial.map((row, key) => ({ key, ...row })));
  const lastPerson = useRef<HTMLSelectElement>(null);

  const update = (key: number, change: Partial<Row>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () => {
    setRows((current) => [...current, { key: next.current++, personId: "", role: "speaker" }]);
    // Focus the new row's person, so that keyboard users continue where the row appeared.
    requestAnimationFrame(() => lastPerson.current?.focus());
  };

  return (
    <fieldset className="space-y-3" aria-describedby={error ? "speakers-error" : undefined}>
      <legend className="font-medium">{t("speakers")}</legend>
      {rows.length === 0 && <p className="text-sm text-slate-600">{t("noSpeakers")}</p>}
      <ol className="space-y-3">
        {rows.map((row, index) => {
          const number = index + 1;
          return (
            <li
              key={row.key}
              className="grid gap-2 rounded border border-slate-200 p-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end"
            >
              <div className="space-y-1">
                <label htmlFor={`speaker-${row.key}-person`} className="block text-sm font-medium">
                  {t("person")} <span className="sr-only">{t("speakerNumber", { number })}</span>
                </label>
                <select
                  id={`speaker-${row.key}-person`}
                  name="speakerPerson"
                  value={row.personId}
                  onChange={(event) => update(row.key, { personId: event.target.value })}
                  ref={index === rows.length - 1 ? lastPerson : undefined}
                  aria-invalid={error ? true : undefined}
                  className={selectClass}
                >
                  <option value="">{t("choosePerson")}</option>
                  {people.map((person) => (
                    <option key={person.value} value={person.value}>
                      {person.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="space-y-1">
                <label htmlFor={`speaker-${row.key}-role`} className="block text-sm font-medium">
                  {t("role")} <span className="sr-only">{t("speakerNumber", { number })}</span>
                </label>
                <select
                  id={`speaker-${row.key}-role`}
                  name="speakerRole"
                  value={row.role}
                  onChange={(event) => update(row.key, { role: event.target.value })}
                  className={selectClass}
                >
                  {speakerRoles.map((role) => (
                    <option key={role} value={role}>
                      {tr(role)}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}
                className="rounded border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50"
                aria-label={t("removeSpeaker", { number })}
              >
                ✕
              </button>
            </li>
          );
        })}
      </ol>
      {error && (
        <p id="speakers-error" className="text-sm font-medium text-red-700" data-field-error="speakers">
          {error}
        </p>
      )}
      <button
        type="button"
        onClick={add}
        className="rounded border border-brand-700 px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
      >
        + {t("addSpeaker")}
      </button>
    </fieldset>
  );
}
