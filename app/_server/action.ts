import "server-only";
import { getLocale } from "next-intl/server";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { formValues, type FormState, type FormValues } from "@/app/_lib/form-state";
import type { Permission } from "@/app/_lib/roles";
import { authorize, authorizeOwnAccount, currentActor, type Actor } from "./authz";
import { AppError } from "./errors";
import { formStateOf } from "./forms";

export type BackOfficeActionContext = {
  actor: Actor;
  locale: AppLocale;
  values: FormValues;
  formData: FormData;
};

type Options = {
  /** Fields that may come several times (checkbox groups, multi-selects). */
  lists?: readonly string[];
};

/**
 * A server action of the back office. Checks who is asking before anything else (signed in, account
 * enabled, role allowed: the domain checks again), then runs `run` and turns domain errors into the form
 * state, in the visitor's language, with what they typed. Used as
 * `export const saveX = backOfficeAction("editProgram", async ({ actor, values }) => …)`.
 * "ownAccount": what any signed-in organizer does with their own account, also while a second factor
 * their role requires is still to be set up.
 */
export function backOfficeAction(
  permission: Permission | "ownAccount",
  run: (context: BackOfficeActionContext) => Promise<FormState>,
  options: Options = {},
): (previous: FormState, formData: FormData) => Promise<FormState> {
  const lists = new Set(options.lists ?? []);
  return async (_previous, formData) => {
    const locale = (await getLocale()) as AppLocale;
    // Anything but a form (a hand-made request) has nothing to keep.
    const values = formData instanceof FormData ? formValues(formData, lists) : {};
    try {
      const actor = await currentActor();
      if (permission === "ownAccount") authorizeOwnAccount(actor);
      else authorize(actor, permission);
      if (!(formData instanceof FormData))
        throw new AppError("malformed", "A server action of the back office takes a form");
      return await run({ actor, locale, values, formData });
    } catch (error) {
      return formStateOf(error, locale, values);
    }
  };
}

/** The success state: a sentence, and the values to show (usually none: the page shows the saved data). */
export function saved(message: string, values?: FormValues): FormState {
  return { ok: true, message, values };
}
