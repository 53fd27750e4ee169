"use client";

import { useTranslations } from "next-intl";
import type { Translations } from "@/app/_lib/i18n/localized";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { FormMessage } from "../../forms/FormMessage";
import { SubmitButton } from "../../forms/SubmitButton";
import { useFormAction } from "../../forms/useFormAction";
import { InlineField } from "./InlineField";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export type RoomValues = {
  id: string;
  name: Translations;
  location: string | null;
  capacity: number | null;
  sortOrder: number;
  sessions: number;
};
export type TrackValues = {
  id: string;
  name: Translations;
  color: string;
  sortOrder: number;
  sessions: number;
};

/** The three name fields every room and track has. */
function NameFields({ form, state, name }: { form: string; state: FormState; name?: Translations }) {
  const t = useTranslations("adminMeetings.rooms");
  return (
    <>
      <InlineField
        form={form}
        name="nameDe"
        label={t("nameDe")}
        state={state}
        defaultValue={name?.de ?? ""}
        required
        maxLength={100}
        lang="de"
      />
      <InlineField
        form={form}
        name="nameEn"
        label={t("nameEn")}
        state={state}
        defaultValue={name?.en ?? ""}
        maxLength={100}
        lang="en"
      />
      <InlineField
        form={form}
        name="nameZh"
        label={t("nameZh")}
        state={state}
        defaultValue={name?.zh ?? ""}
        maxLength={100}
        lang="zh-CN"
      />
    </>
  );
}

type RoomFormProps = { meetingId: string; save: Action; remove: Action; room?: RoomValues };

/** One room (or, without `room`, a new one): its fields, save, and delete. */
export function RoomForm({ meetingId, save, remove, room }: RoomFormProps) {
  const t = useTranslations("adminMeetings.rooms");
  const { state, pending, formProps } = useFormAction(save, initialFormState);
  const form = room ? `room-${room.id}` : "room-new";
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <form {...formProps} className="space-y-3" noValidate aria-label={room ? undefined : t("newRoom")}>
        <input type="hidden" name="meetingId" value={meetingId} />
        {room && <input type="hidden" name="roomId" value={room.id} />}
        <FormMessage state={state} />
        <div className="grid gap-3 sm:grid-cols-3">
          <NameFields form={form} state={state} name={room?.name} />
          <InlineField
            form={form}
            name="location"
            label={t("location")}
            state={state}
            defaultValue={room?.location ?? ""}
            maxLength={200}
            className="sm:col-span-2"
          />
          <div className="grid grid-cols-2 gap-3">
            <InlineField
              form={form}
              name="capacity"
              type="number"
              label={t("capacity")}
              state={state}
              defaultValue={room?.capacity?.toString() ?? ""}
            />
            <InlineField
              form={form}
              name="sortOrder"
              type="number"
              label={t("sortOrder")}
              state={state}
              defaultValue={room?.sortOrder.toString() ?? ""}
            />
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton
            pending={pending}
            label={room ? t("save") : t("add")}
            pendingLabel={room ? t("saving") : t("adding")}
          />
          {room && <span className="text-sm text-slate-600">{t("usedBy", { count: room.sessions })}</span>}
        </div>
      </form>
      {room && <DeleteForm action={remove} hidden={{ meetingId, roomId: room.id }} />}
    </div>
  );
}

type TrackFormProps = { meetingId: string; save: Action; remove: Action; track?: TrackValues };

/** One track (or, without `track`, a new one): its fields, save, and delete. */
export function TrackForm({ meetingId, save, remove, track }: TrackFormProps) {
  const t = useTranslations("adminMeetings.rooms");
  const { state, pending, formProps } = useFormAction(save, initialFormState);
  const form = track ? `track-${track.id}` : "track-new";
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <form {...formProps} className="space-y-3" noValidate aria-label={track ? undefined : t("newTrack")}>
        <input type="hidden" name="meetingId" value={meetingId} />
        {track && <input type="hidden" name="trackId" value={track.id} />}
        <FormMessage state={state} />
        <div className="grid gap-3 sm:grid-cols-3">
          <NameFields form={form} state={state} name={track?.name} />
          <InlineField
            form={form}
            name="color"
            type="color"
            label={t("color")}
            state={state}
            defaultValue={track?.color ?? "#475569"}
          />
          <InlineField
            form={form}
            name="sortOrder"
            type="number"
            label={t("sortOrder")}
            state={state}
            defaultValue={track?.sortOrder.toString() ?? ""}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton
            pending={pending}
            label={track ? t("save") : t("add")}
            pendingLabel={track ? t("saving") : t("adding")}
          />
          {track && <span className="text-sm text-slate-600">{t("usedBy", { count: track.sessions })}</span>}
        </div>
      </form>
      {track && <DeleteForm action={remove} hidden={{ meetingId, trackId: track.id }} />}
    </div>
  );
}

/** A delete button; a refusal (still in use) is shown beside it. */
function DeleteForm({ action, hidden }: { action: Action; hidden: Record<string, string> }) {
  const t = useTranslations("adminMeetings.rooms");
  const { state, pending, formProps } = useFormAction(action, initialFormState);
  const refusal = state.fieldErrors?._ ?? (state.ok ? undefined : state.message);
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pending={pending} label={t("delete")} pendingLabel={t("deleting")} tone="danger" />
      {refusal && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {refusal}
        </p>
      )}
    </form>
  );
}
