"use server";

import { revalidatePath } from "next/cache";
import { adminPaths } from "@/app/_lib/admin-paths";
import { messages } from "@/app/_lib/i18n/messages";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { redirect } from "@/app/_lib/i18n/navigation";
import { createTranslator } from "@/app/_lib/i18n/translator";
import { quotaField, quotaInput, schemaFieldErrors } from "@/app/_lib/meetings/fields";
import type { FieldErrors } from "@/app/_lib/registration/fields";
import { backOfficeAction, saved } from "@/app/_server/action";
import { AppError } from "@/app/_server/errors";
import { invalidFormState } from "@/app/_server/forms";
import { listCityQuotas } from "@/app/_server/meetings/admin-queries";
import { hiddenId } from "@/app/_server/meetings/form-ids";
import { updateMeeting } from "@/app/_server/meetings/mutations";
import { savePracticalInfo } from "@/app/_server/meetings/practical-info";
import { setCityQuota } from "@/app/_server/desk/quotas";

function translator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "adminMeetings" });
}

/** Saves a meeting's settings (permission `editProgram`); a new slug moves the page to its new address. */
export const updateMeetingAction = backOfficeAction("editProgram", async ({ actor, locale, values }) => {
  const meetingId = hiddenId(values, "meetingId", "Meeting");
  const { slug } = await updateMeeting(actor, meetingId, values);
  revalidatePath("/", "layout");
  // The page's address holds the slug: after a change it lives elsewhere.
  if (slug !== values.currentSlug) redirect({ href: adminPaths.meeting(slug), locale });
  return saved(translator(locale)("form.saved"));
});

/**
 * Saves a meeting's practical information for delegates (permission `editProgram`). The public pages
 * show it, so their cached copies go; the form keeps what was saved as typed.
 */
export const savePracticalInfoAction = backOfficeAction("editProgram", async ({ actor, locale, values }) => {
  const meetingId = hiddenId(values, "meetingId", "Meeting");
  await savePracticalInfo(actor, meetingId, values);
  revalidatePath("/", "layout");
  const t = createTranslator({ locale, messages: messages[locale], namespace: "practicalInfo.editor" });
  return saved(t("saved"));
});

/**
 * Saves every changed quota of the form (permission `editProgram`), one city at a time through the
 * domain's `setCityQuota`. A refused city keeps what was typed and its reason; the others are saved.
 */
export const saveQuotasAction = backOfficeAction("editProgram", async ({ actor, locale, values }) => {
  const meetingId = hiddenId(values, "meetingId", "Meeting");
  const rows = await listCityQuotas(actor, meetingId);
  const problems: FieldErrors = {};
  let savedCount = 0;
  for (const row of rows) {
    const field = quotaField(row.cityId);
    if (!(field in values)) continue;
    const parsed = quotaInput.safeParse(values[field]);
    if (!parsed.success) {
      problems[field] = Object.values(schemaFieldErrors(parsed.error))[0]!;
      continue;
    }
    if (parsed.data === row.quota) continue;
    try {
      await setCityQuota(actor, meetingId, row.cityId, parsed.data);
      savedCount += 1;
    } catch (error) {
      const problem =
        error instanceof AppError && error.code === "invalid" ? error.details.fields?.delegates : undefined;
      if (!problem) throw error;
      problems[field] = problem;
    }
  }
  if (savedCount) revalidatePath("/", "layout");
  const t = translator(locale);
  if (Object.keys(problems).length)
    return {
      ...invalidFormState(problems, locale, values),
      message: t("quotas.partlySaved", { count: savedCount }),
    };
  return saved(t("quotas.saved", { count: savedCount }));
});
