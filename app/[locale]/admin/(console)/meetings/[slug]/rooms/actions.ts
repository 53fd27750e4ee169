"use server";

import { revalidatePath } from "next/cache";
import { messages } from "@/app/_lib/i18n/messages";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { createTranslator } from "@/app/_lib/i18n/translator";
import { backOfficeAction, saved } from "@/app/_server/action";
import { hiddenId } from "@/app/_server/meetings/form-ids";
import {
  createRoom,
  createTrack,
  deleteRoom,
  deleteTrack,
  updateRoom,
  updateTrack,
} from "@/app/_server/meetings/rooms";

/** Rooms and tracks of a meeting; every action needs `editProgram`, and the domain checks it again. */

function sentence(
  locale: AppLocale,
  key: "roomCreated" | "roomSaved" | "roomDeleted" | "trackCreated" | "trackSaved" | "trackDeleted",
): string {
  return createTranslator({ locale, messages: messages[locale], namespace: "adminMeetings.rooms" })(key);
}

/** The program, the agenda and the feeds show rooms and tracks: every page must show the change. */
function refresh(): void {
  revalidatePath("/", "layout");
}

/** Creates a room (no `roomId`) or saves one. */
export const saveRoomAction = backOfficeAction("editProgram", async ({ actor, locale, values }) => {
  const meetingId = hiddenId(values, "meetingId", "Meeting");
  if (values.roomId) await updateRoom(actor, hiddenId(values, "roomId", "Room"), values);
  else await createRoom(actor, meetingId, values);
  refresh();
  return saved(sentence(locale, values.roomId ? "roomSaved" : "roomCreated"));
});

export const deleteRoomAction = backOfficeAction("editProgram", async ({ actor, locale, values }) => {
  await deleteRoom(actor, hiddenId(values, "roomId", "Room"));
  refresh();
  return saved(sentence(locale, "roomDeleted"));
});

/** Creates a track (no `trackId`) or saves one. */
export const saveTrackAction = backOfficeAction("editProgram", async ({ actor, locale, values }) => {
  const meetingId = hiddenId(values, "meetingId", "Meeting");
  if (values.trackId) await updateTrack(actor, hiddenId(values, "trackId", "Track"), values);
  else await createTrack(actor, meetingId, values);
  refresh();
  return saved(sentence(locale, values.trackId ? "trackSaved" : "trackCreated"));
});

export const deleteTrackAction = backOfficeAction("editProgram", async ({ actor, locale, values }) => {
  await deleteTrack(actor, hiddenId(values, "trackId", "Track"));
  refresh();
  return saved(sentence(locale, "trackDeleted"));
});
