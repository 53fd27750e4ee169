"use server";

import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { MessageTexts } from "@/app/_lib/delegate-message";
import type { FormState, FormValues } from "@/app/_lib/form-state";
import { isLocale, locales } from "@/app/_lib/i18n/locales";
import { redirect } from "@/app/_lib/i18n/navigation";
import { backOfficeAction, saved } from "@/app/_server/action";
import {
  createMessage,
  deleteMessage,
  normalFilterQuery,
  saveMessage,
} from "@/app/_server/desk/messages/messages";
import { sendMessage, sendMessageTest } from "@/app/_server/desk/messages/send";
import { textField } from "@/app/_server/desk/messages/texts";
import { AppError, invalid } from "@/app/_server/errors";
import { formStateOf } from "@/app/_server/forms";
import { hiddenId } from "@/app/_server/meetings/form-ids";

const text = (values: FormValues, name: string) =>
  typeof values[name] === "string" ? (values[name] as string) : "";

/** A new draft, with the desk's filters it was started from; then its page. */
export const createMessageAction = backOfficeAction("writeToDelegates", async ({ actor, locale, values }) => {
  const slug = text(values, "meetingSlug");
  const filterQuery = normalFilterQuery(text(values, "filterQuery"));
  const { id } = await createMessage(actor, slug, filterQuery);
  return redirect({ href: adminPaths.message(slug, id, filterQuery), locale });
});

/**
 * The message form's buttons. Each saves what was typed first, then: "test" sends it to the organizer,
 * "send" to the delegates (only when the texts are those the preview showed: changed texts are saved and
 * shown again first), "delete" deletes the draft. Problems of the whole message (no recipients, already
 * sent, a changed list) are the form's sentence; problems of a text stand at its field.
 */
export const messageAction = backOfficeAction("writeToDelegates", async ({ actor, locale, values }) => {
  const slug = text(values, "meetingSlug");
  const messageId = hiddenId(values, "messageId", "Message");
  const filterQuery = text(values, "filterQuery");
  const intent = text(values, "intent");
  const t = await getTranslations({ locale, namespace: "adminMessages.form" });
  try {
    if (intent === "delete") {
      await deleteMessage(actor, slug, messageId);
      return redirect({ href: adminPaths.messages(slug), locale });
    }
    const texts = Object.fromEntries(
      locales.map((language) => [
        language,
        {
          subject: text(values, textField("subject", language)),
          body: text(values, textField("body", language)),
        },
      ]),
    ) as MessageTexts;
    const { textsChanged } = await saveMessage(actor, slug, messageId, { texts, filterQuery });
    refresh();
    if (intent === "test") {
      const lang = text(values, "lang");
      const sent = await sendMessageTest(actor, slug, messageId, isLocale(lang) ? lang : locale);
      const languageName = await getTranslations({ locale, namespace: "languages" });
      return saved(t("testSent", { email: sent.to, language: languageName(sent.language) }), values);
    }
    if (intent === "send") {
      if (textsChanged) return { ok: false, message: t("changedSincePreview"), values };
      if (values.confirm !== "1") throw invalid({ confirm: { key: "confirmRequired" } });
      const { recipients } = await sendMessage(actor, slug, messageId, text(values, "recipientsKey"));
      return saved(t("sent", { count: recipients }));
    }
    return saved(t("saved"), values);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "invalid")) throw error;
    return wholeMessageProblem(formStateOf(error, locale, values));
  }
});

/** A problem of the whole message ("_") is the form's sentence, not a field's. */
function wholeMessageProblem(state: FormState): FormState {
  const { _: whole, ...fieldErrors } = state.fieldErrors ?? {};
  if (!whole) return state;
  return { ...state, message: whole, fieldErrors };
}
