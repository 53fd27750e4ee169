"use server";

import { revalidatePath } from "next/cache";
import { adminPaths } from "@/app/_lib/admin-paths";
import { redirect } from "@/app/_lib/i18n/navigation";
import { backOfficeAction } from "@/app/_server/action";
import { createMeeting } from "@/app/_server/meetings/mutations";

/** Creates a meeting (permission `editProgram`) and opens its settings. */
export const createMeetingAction = backOfficeAction("editProgram", async ({ actor, locale, values }) => {
  const meeting = await createMeeting(actor, values);
  revalidatePath("/", "layout");
  return redirect({ href: adminPaths.meeting(meeting.slug), locale });
});
