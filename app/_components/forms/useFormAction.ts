"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import type { FormState } from "@/app/_lib/form-state";
import { useFormDraft } from "./drafts";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * `useActionState` for the app's forms, without React's reset of the form after the action: that reset
 * puts every <select> back on its first option, losing what the visitor chose. With JavaScript the form
 * is sent from onSubmit; without, the browser posts it to the same server action. `draft`: the key under
 * which what the visitor typed goes along to the same form in another language (drafts.ts).
 */
export function useFormAction(action: Action, initial: FormState, { draft }: { draft?: string } = {}) {
  const [state, formAction, pending] = useActionState(action, initial);
  // The state the form started with (its props may hand a new but equal object on every render).
  const [first] = useState(state);
  const draftProps = useFormDraft(draft, state !== first);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    // With its submitter, as the browser would post it: a form with two named buttons (approve, reject)
    // sends the value of the one pressed.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(formData));
  };
  return { state, pending, formProps: { action: formAction, onSubmit, ...draftProps } };
}
