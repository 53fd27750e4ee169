"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { GIVE_UP_QUESTION } from "@/app/_lib/registration/form";
import { messages } from "@/app/_lib/i18n/messages";
import { createTranslator } from "@/app/_lib/i18n/translator";
import { delegateDetails, fieldErrorsOf, sessionChoice } from "@/app/_lib/registration/fields";
import type { FormState, FormValues } from "@/app/_lib/form-state";
import { registrationFormValues, inputFromForm } from "@/app/_lib/registration/form";
import { formStateOf, invalidFormState, malformedArguments } from "@/app/_server/forms";
import { rotateCalendarToken } from "@/app/_server/self-service/calendar-link";
import {
  cancelRegistration,
  changeSessions,
  deleteRegistration,
  updateDetails,
  type ContestedSeat,
  type GiveUpAnswer,
} from "@/app/_server/self-service/manage";
import { parseDelegateForm } from "@/app/_server/registration/form-input";
import { getManagedRegistration } from "@/app/_server/self-service/queries";

/** The manage page's forms. The token in the bound arguments is the only authorization, as in the URL. */

function manageText(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "manage" });
}

export async function updateDetailsAction(
  token: string,
  locale: AppLocale,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return saveRegistrationForm(token, locale, formData, async (values) => {
    // A link that opens no registration is refused before the form is read.
    await getManagedRegistration(token);
    const parsed = await parseDelegateForm(delegateDetails, values, locale);
    if (parsed.fields) return invalidFormState(parsed.fields, locale, values);
    await updateDetails(token, parsed.data, locale);
    return { ok: true, message: manageText(locale)("detailsSaved"), values };
  });
}

export async function changeSessionsAction(
  token: string,
  locale: AppLocale,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return saveRegistrationForm(token, locale, formData, async (values) => {
    const parsed = sessionChoice.safeParse(inputFromForm(values).sessionIds);
    if (!parsed.success) return invalidFormState(prefixed(fieldErrorsOf(parsed.error)), locale, values);
    const contested = await changeSessions(token, parsed.data, locale, { giveUp: giveUpAnswer(formData) });
    if (contested.length > 0) return giveUpQuestion(contested, locale, values);
    return { ok: true, message: manageText(locale)("sessionsSaved") };
  });
}

export async function cancelAction(
  token: string,
  locale: AppLocale,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const refused = await confirmedStep(token, locale, formData, () => cancelRegistration(token));
  if (refused) return refused;
  refresh();
  return { ok: true, message: manageText(locale)("cancelled") };
}

export async function deleteAction(
  token: string,
  locale: AppLocale,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const refused = await confirmedStep(token, locale, formData, () => deleteRegistration(token));
  if (refused) return refused;
  redirect(`/${locale}/manage?deleted=1`);
}

/** A new personal calendar address: the old one stops working, and the page shows the new one. */
export async function calendarLinkAction(token: string, locale: AppLocale): Promise<FormState> {
  const malformed = malformedArguments({ locale, texts: [token] });
  if (malformed) return malformed;
  try {
    await rotateCalendarToken(token);
  } catch (error) {
    return formStateOf(error, locale, {});
  }
  refresh();
  const t = createTranslator({ locale, messages: messages[locale], namespace: "calendar" });
  return { ok: true, message: t("personalRotated") };
}

/**
 * Saves what the delegate sent with the registration form's fields: `save` returns the form state to
 * show, and the page refreshes once it is ok. Errors show with the values the delegate sent, so that
 * nothing they typed is lost.
 */
async function saveRegistrationForm(
  token: string,
  locale: AppLocale,
  formData: FormData,
  save: (values: FormValues) => Promise<FormState>,
): Promise<FormState> {
  const malformed = malformedArguments({ locale, formData, texts: [token] });
  if (malformed) return malformed;
  const values = registrationFormValues(formData);
  let state: FormState;
  try {
    state = await save(values);
  } catch (error) {
    return formStateOf(error, locale, values);
  }
  if (state.ok) refresh();
  return state;
}

/**
 * Runs a step the delegate confirmed with the tick box; the form state to show when it did not happen
 * (malformed arguments, no tick, or an error).
 */
async function confirmedStep(
  token: string,
  locale: AppLocale,
  formData: FormData,
  step: () => Promise<void>,
): Promise<FormState | null> {
  const malformed = malformedArguments({ locale, formData, texts: [token] });
  if (malformed) return malformed;
  if (formData.get("confirm") !== "on") return { ok: false, message: manageText(locale)("confirmRequired") };
  try {
    await step();
    return null;
  } catch (error) {
    return formStateOf(error, locale, {});
  }
}

/** The button the delegate pressed under the question about seats in full sessions; "ask" before it showed. */
function giveUpAnswer(formData: FormData): GiveUpAnswer {
  const answer = formData.get("giveUp");
  return answer === "confirmed" || answer === "keep" ? answer : "ask";
}

/**
 * The question before seats in full sessions are given up: one sentence per session, the form's ticks as
 * sent, and nothing saved yet. The form asks it with and without JavaScript alike.
 */
function giveUpQuestion(contested: ContestedSeat[], locale: AppLocale, values: FormValues): FormState {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "publicForms" });
  return {
    ok: false,
    code: GIVE_UP_QUESTION,
    message: t("giveUpHeading"),
    notices: contested.map(({ title, othersWaiting }) =>
      t(othersWaiting ? "giveUpWaiting" : "giveUpFull", { session: pick(title, locale) }),
    ),
    values,
  };
}

/** Errors of the bare session list, at the form's field name. */
function prefixed(fields: ReturnType<typeof fieldErrorsOf>) {
  return Object.fromEntries(
    Object.entries(fields).map(([path, error]) => [
      path === "_" ? "sessionIds" : `sessionIds.${path}`,
      error,
    ]),
  );
}
