"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { FormState } from "@/app/_lib/form-state";
import { redirect } from "@/app/_lib/i18n/navigation";
import { backOfficeAction, saved } from "@/app/_server/action";
import { createCity, updateCity } from "@/app/_server/alliance/mutations";
import { AppError } from "@/app/_server/errors";
import { formStateOf } from "@/app/_server/forms";
import { hiddenId } from "@/app/_server/meetings/form-ids";

/**
 * Adds a city (no `cityId`; then opens its page) or saves one. Permission `editProgram`. The website and
 * year rules have their own sentences here: the shared validation messages have none that fit.
 */
export const saveCityAction = backOfficeAction("editProgram", async ({ actor, locale, values }) => {
  const t = await getTranslations({ locale, namespace: "adminCities.form" });
  try {
    if (!values.cityId) {
      const city = await createCity(actor, values, locale);
      revalidatePath("/", "layout");
      return redirect({ href: adminPaths.city(city.id), locale });
    }
    await updateCity(actor, hiddenId(values, "cityId", "City"), values, locale);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "invalid")) throw error;
    const state: FormState = formStateOf(error, locale, values);
    const fieldErrors = { ...state.fieldErrors };
    if (fieldErrors.website) fieldErrors.website = t("websiteInvalid");
    if (fieldErrors.memberSince) fieldErrors.memberSince = t("memberSinceInvalid");
    return { ...state, fieldErrors };
  }
  // Public city lists, the meeting pages and forms that offer cities show them.
  revalidatePath("/", "layout");
  return saved(t("saved"));
});
