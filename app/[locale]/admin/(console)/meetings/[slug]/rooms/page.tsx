import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { MeetingAdminNav } from "@/app/_components/admin/MeetingAdminNav";
import { RoomForm, TrackForm } from "@/app/_components/admin/meetings/RoomTrackForms";
import { TitledSection } from "@/app/_components/layout/TitledSection";
import { adminPaths } from "@/app/_lib/admin-paths";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { pageActor } from "@/app/_server/authz";
import { getMeetingSettings, listRoomsAndTracks } from "@/app/_server/meetings/admin-queries";
import { orNotFound } from "@/app/_server/pages";
import { deleteRoomAction, deleteTrackAction, saveRoomAction, saveTrackAction } from "./actions";

type Props = { params: Promise<{ locale: AppLocale; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "adminMeetings.rooms" });
  return { title: t("title") };
}

/** A meeting's rooms and tracks: each editable in place, a form for a new one below each list. */
export default async function RoomsPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const actor = await pageActor(locale, "editProgram", adminPaths.rooms(slug));
  const meeting = await orNotFound(getMeetingSettings(actor, slug));
  const [{ rooms, tracks }, t] = await Promise.all([
    listRoomsAndTracks(actor, meeting.id),
    getTranslations("adminMeetings.rooms"),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{pick(meeting.title, locale) || slug}</h1>
      <MeetingAdminNav slug={slug} role={actor.role} />
      <TitledSection id="rooms-title" title={t("roomsTitle")}>
        <p className="text-slate-700">{t("roomsIntro")}</p>
        {rooms.length === 0 && <p>{t("noRooms")}</p>}
        {rooms.map((room) => (
          <RoomForm
            key={room.id}
            meetingId={meeting.id}
            room={room}
            save={saveRoomAction}
            remove={deleteRoomAction}
          />
        ))}
        <h3 className="pt-2 font-semibold">{t("newRoom")}</h3>
        {/* A new key after each creation empties the form for the next room. */}
        <RoomForm
          key={`new-${rooms.length}`}
          meetingId={meeting.id}
          save={saveRoomAction}
          remove={deleteRoomAction}
        />
      </TitledSection>
      <TitledSection id="tracks-title" title={t("tracksTitle")}>
        <p className="text-slate-700">{t("tracksIntro")}</p>
        {tracks.length === 0 && <p>{t("noTracks")}</p>}
        {tracks.map((track) => (
          <TrackForm
            key={track.id}
            meetingId={meeting.id}
            track={track}
            save={saveTrackAction}
            remove={deleteTrackAction}
          />
        ))}
        <h3 className="pt-2 font-semibold">{t("newTrack")}</h3>
        <TrackForm
          key={`new-${tracks.length}`}
          meetingId={meeting.id}
          save={saveTrackAction}
          remove={deleteTrackAction}
        />
      </TitledSection>
    </div>
  );
}
