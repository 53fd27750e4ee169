import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { displayName } from "@/app/_lib/names";
import type { SessionEditorDto } from "@/app/_server/agenda/admin-queries";

/** The editor's choices as labelled options in the visitor's language (rooms with their seats). */
export function editorOptions(
  editor: SessionEditorDto,
  locale: AppLocale,
  roomLabel: (name: string, capacity: number) => string,
) {
  return {
    rooms: editor.rooms.map((room) => {
      const name = pick(room.name, locale);
      return { value: room.id, label: room.capacity === null ? name : roomLabel(name, room.capacity) };
    }),
    tracks: editor.tracks.map((track) => ({ value: track.id, label: pick(track.name, locale) })),
    people: editor.people.map((person) => {
      const name = displayName(person, locale);
      const extra = [name.secondary, person.organization].filter(Boolean).join(", ");
      return { value: person.id, label: extra ? `${name.primary} (${extra})` : name.primary };
    }),
  };
}
