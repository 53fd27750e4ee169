"use server";

import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import { backOfficeAction, saved } from "@/app/_server/action";
import { retryOutboxEmail } from "@/app/_server/mail/outbox-admin";

/** Puts a failed or deferred email back in the queue (the domain checks which, and who may). */
export const retryEmailAction = backOfficeAction("readNumbers", async ({ actor, locale, values }) => {
  await retryOutboxEmail(actor, typeof values.emailId === "string" ? values.emailId : "");
  refresh();
  return saved((await getTranslations({ locale, namespace: "adminNumbers.outbox.retry" }))("done"));
});
