"use server";

import { revalidatePath } from "next/cache";
import { messages } from "@/app/_lib/i18n/messages";
import { createTranslator } from "@/app/_lib/i18n/translator";
import { backOfficeAction, saved } from "@/app/_server/action";
import { checkIn } from "@/app/_server/check-in/mutations";
import { getCheckInMeeting } from "@/app/_server/check-in/queries";
import { hiddenId } from "@/app/_server/meetings/form-ids";
import { checkInSentence } from "@/app/_server/check-in/wording";

/**
 * The check-in desk's one write: the big button. A second check-in and a registration that is not
 * confirmed are answers, not errors: the form shows them as a sentence in the staff member's language.
 */
export const checkInAction = backOfficeAction("checkIn", async ({ actor, locale, values }) => {
  const meeting = await getCheckInMeeting(
    actor,
    typeof values.meetingSlug === "string" ? values.meetingSlug : "",
  );
  const outcome = await checkIn(actor, meeting.id, hiddenId(values, "registrationId", "Registration"));
  const t = createTranslator({ locale, messages: messages[locale], namespace: "adminOnSite.checkIn" });
  // The running count and the card change for every phone at the desk.
  revalidatePath("/", "layout");
  if (outcome.result === "not_confirmed") return { ok: false, message: t(`notConfirmed.${outcome.status}`) };
  const sentence = checkInSentence(t, outcome, meeting.timeZone, locale);
  return outcome.result === "checked_in" ? saved(sentence) : { ok: false, message: sentence };
});
