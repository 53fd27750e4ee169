"use server";

import { after } from "next/server";
import { z } from "zod";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { messages } from "@/app/_lib/i18n/messages";
import { createTranslator } from "@/app/_lib/i18n/translator";
import type { FormState } from "@/app/_lib/form-state";
import { actionClientAddress, formStateOf, invalidFormState, malformedArguments } from "@/app/_server/forms";
import { limitLostLinkRequests, sendManageLinks } from "@/app/_server/self-service/lost-link";
import { finishBeforeExit } from "@/app/_server/shutdown";

const email = z.string().trim().max(254).pipe(z.email());

/** "Lost your link?": the same answer whether or not the address is registered. */
export async function sendLinksAction(
  locale: AppLocale,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const malformed = malformedArguments({ locale, formData });
  if (malformed) return malformed;
  const values = { email: String(formData.get("email") ?? "") };
  const parsed = email.safeParse(values.email);
  if (!parsed.success) return invalidFormState({ email: { key: "email" } }, locale, values);
  try {
    await limitLostLinkRequests(parsed.data, await actionClientAddress());
  } catch (error) {
    return formStateOf(error, locale, values);
  }
  // After the answer: a known address must not take visibly longer than an unknown one. A server
  // stopping meanwhile waits for it (shutdown.ts).
  after(() => finishBeforeExit(sendManageLinks(parsed.data)));
  const t = createTranslator({ locale, messages: messages[locale], namespace: "lostLink" });
  return { ok: true, message: t("sent"), values };
}
