"use server";

import { revalidatePath } from "next/cache";
import { adminPaths } from "@/app/_lib/admin-paths";
import { messages } from "@/app/_lib/i18n/messages";
import { redirect } from "@/app/_lib/i18n/navigation";
import { createTranslator } from "@/app/_lib/i18n/translator";
import { backOfficeAction, saved } from "@/app/_server/action";
import { hiddenId } from "@/app/_server/meetings/form-ids";
import { createPerson, deletePerson, updatePerson } from "@/app/_server/people/mutations";

/** Creates a person (no `personId`; then opens their page) or saves one. Permission `editProgram`. */
export const savePersonAction = backOfficeAction("editProgram", async ({ actor, locale, values }) => {
  if (!values.personId) {
    const person = await createPerson(actor, values);
    revalidatePath("/", "layout");
    return redirect({ href: adminPaths.person(person.id), locale });
  }
  await updatePerson(actor, hiddenId(values, "personId", "Person"), values);
  // Agenda, session pages and ceremonies show people's names.
  revalidatePath("/", "layout");
  return saved(
    createTranslator({ locale, messages: messages[locale], namespace: "adminMeetings.people" })("saved"),
  );
});

/** Deletes a person who takes part in nothing and returns to the list. Permission `editProgram`. */
export const deletePersonAction = backOfficeAction("editProgram", async ({ actor, locale, values }) => {
  await deletePerson(actor, hiddenId(values, "personId", "Person"));
  revalidatePath("/", "layout");
  return redirect({ href: adminPaths.people, locale });
});
