"use client";

import { useEffect, useRef, type FormEvent } from "react";
import {
  draftOf,
  restoredState,
  saveDraft,
  takeDraft,
  type Draft,
  type DraftControl,
} from "@/app/_lib/forms/draft";

/**
 * Drafts in the browser (app/_lib/forms/draft.ts): a form that names a draft key keeps track of the fields
 * the visitor touched; following a language link saves them, and the same form in the other language
 * takes them back.
 */

type Touched = Set<string> | "all";
const touchedFields = new WeakMap<HTMLFormElement, Touched>();

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function controlsOf(form: HTMLFormElement): Control[] {
  return [...form.elements].filter(
    (element): element is Control =>
      element instanceof HTMLInputElement ||
      element instanceof HTMLSelectElement ||
      element instanceof HTMLTextAreaElement,
  );
}

const asDraftControl = (control: Control): DraftControl => ({
  name: control.name,
  type: control.type,
  value: control.value,
  checked: control instanceof HTMLInputElement ? control.checked : undefined,
});

/** Saves the touched fields of every form on the page that has a draft key: before leaving for another language. */
export function saveFormDrafts(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-draft]")) {
    const draft = draftOf(controlsOf(form).map(asDraftControl), touchedFields.get(form) ?? new Set());
    if (draft.fields.length > 0) saveDraft(sessionStorage, form.dataset.draft!, draft);
  }
}

/** Hands a value the visitor typed to the form that opens next under `key` (the lost-link form's address). */
export function carryDraft(key: string, draft: Draft): void {
  saveDraft(sessionStorage, key, draft);
}

/**
 * A form's side of drafts: takes its draft once when it appears, counts every field the visitor changes,
 * and every field once the form was sent (`sent`: the server's answer shows all of them as sent).
 */
export function useFormDraft(key: string | undefined, sent: boolean) {
  const ref = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const form = ref.current;
    if (!key || !form) return;
    const draft = takeDraft(sessionStorage, key);
    if (!draft) return;
    for (const control of controlsOf(form)) {
      const restored = restoredState(asDraftControl(control), draft);
      if (!restored) continue;
      if ("checked" in restored && control instanceof HTMLInputElement) control.checked = restored.checked;
      else if ("value" in restored) control.value = restored.value;
    }
    touchedFields.set(form, new Set(draft.fields));
  }, [key]);

  useEffect(() => {
    if (sent && ref.current) touchedFields.set(ref.current, "all");
  }, [sent]);

  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const touched = touchedFields.get(event.currentTarget) ?? new Set<string>();
    const name = (event.target as Partial<Control>).name;
    if (touched !== "all" && name) touched.add(name);
    touchedFields.set(event.currentTarget, touched);
  };
  return key ? { ref, onChange, "data-draft": key } : { ref };
}
