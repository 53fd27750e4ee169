"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { messages } from "@/app/_lib/i18n/messages";
import { createTranslator } from "@/app/_lib/i18n/translator";
import { delegateDetails, fieldErrorsOf, sessionChoice } from "@/app/_lib/registration/fields";
import type { FormValues } from "@/app/_lib/form-state";
import { inputFromForm } from "@/app/_lib/registration/form";
import { optional } from "@/app/_lib/schema";
import { backOfficeAction, saved } from "@/app/_server/action";
import { invalid } from "@/app/_server/errors";
import { hiddenId } from "@/app/_server/meetings/form-ids";
import {
  cancelRegistrationAtDesk,
  changeRegistrationSessions,
  editRegistration,
  moveUpFromWaitlist,
  removeFromWaitlist,
  resendConfirmation,
} from "@/app/_server/desk/desk-mutations";
import { parseDelegateForm } from "@/app/_server/registration/form-input";
import { reviewRegistration } from "@/app/_server/desk/review";

/** The registration desk's forms; every action needs `manageRegistrations`, and the domain checks it again. */

type Sentence = Parameters<ReturnType<typeof deskText>>[0];

function deskText(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "adminRegistrations.desk" });
}

function done(locale: AppLocale, key: Sentence) {
  // Seat counts show on the public agenda and the registration form too, not only on the desk.
  revalidatePath("/", "layout");
  return saved(deskText(locale)(key));
}

// The desk's meeting comes with every form: the domain finds the registration only within it.
const meetingId = (values: FormValues) => hiddenId(values, "meetingId", "Meeting");
const registrationId = (values: FormValues) => hiddenId(values, "registrationId", "Registration");
const sessionId = (values: FormValues) => hiddenId(values, "sessionId", "Session");

const reviewInput = z.object({ decision: z.enum(["approved", "rejected"]), message: optional(2000) });

export const reviewAction = backOfficeAction("manageRegistrations", async ({ actor, locale, values }) => {
  const parsed = reviewInput.safeParse(values);
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error));
  await reviewRegistration(
    actor,
    meetingId(values),
    registrationId(values),
    parsed.data.decision,
    parsed.data.message,
  );
  return done(locale, parsed.data.decision);
});

export const resendAction = backOfficeAction("manageRegistrations", async ({ actor, locale, values }) => {
  await resendConfirmation(actor, meetingId(values), registrationId(values));
  return done(locale, "resent");
});

export const cancelAction = backOfficeAction("manageRegistrations", async ({ actor, locale, values }) => {
  if (values.confirm !== "on")
    return {
      ok: false,
      message: deskText(locale)("confirmRequired"),
      fieldErrors: { confirm: deskText(locale)("confirmRequired") },
    };
  await cancelRegistrationAtDesk(actor, meetingId(values), registrationId(values));
  return done(locale, "cancelled");
});

export const moveUpAction = backOfficeAction("manageRegistrations", async ({ actor, locale, values }) => {
  await moveUpFromWaitlist(actor, meetingId(values), registrationId(values), sessionId(values), {
    addSeat: values.addSeat === "on",
  });
  return done(locale, "movedUp");
});

export const removeFromWaitlistAction = backOfficeAction(
  "manageRegistrations",
  async ({ actor, locale, values }) => {
    await removeFromWaitlist(actor, meetingId(values), registrationId(values), sessionId(values));
    return done(locale, "removed");
  },
);

export const changeSessionsAction = backOfficeAction(
  "manageRegistrations",
  async ({ actor, locale, values }) => {
    const parsed = sessionChoice.safeParse(inputFromForm(values).sessionIds);
    // The list is made of checkboxes: any problem with it is one problem of the whole list.
    if (!parsed.success) throw invalid({ sessionIds: Object.values(fieldErrorsOf(parsed.error))[0]! });
    await changeRegistrationSessions(actor, meetingId(values), registrationId(values), parsed.data, locale);
    return done(locale, "sessionsSaved");
  },
  { lists: ["sessionIds"] },
);

export const editDetailsAction = backOfficeAction(
  "manageRegistrations",
  async ({ actor, locale, values }) => {
    const parsed = await parseDelegateForm(delegateDetails, values, locale);
    if (parsed.fields) throw invalid(parsed.fields);
    await editRegistration(actor, meetingId(values), registrationId(values), parsed.data, locale);
    // The form shows what was saved; its values stay as they are.
    return { ...done(locale, "detailsSaved"), values };
  },
  { lists: ["interpretation"] },
);
