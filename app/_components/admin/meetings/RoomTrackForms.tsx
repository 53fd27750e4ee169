"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { Translations } from "@/app/_lib/i18n/localized";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { DeleteForm } from "../../forms/DeleteForm";
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

const nameLanguages = [
  ["nameDe", "de", "de"],
  ["nameEn", "en", "en"],
  ["nameZh", "zh", "zh-CN"],
] as const;

/** The three name fields every room and track has; the German one is required. */
function NameFields({ form, state, name }: { form: string; state: FormState; name?: Translations }) {
  const t = useTranslations("adminMeetings.rooms");
  return nameLanguages.map(([field, locale, lang]) => (
    <InlineField
      key={field}
      form={form}
      name={field}
      label={t(field)}
      state={state}
      defaultValue={name?.[locale] ?? ""}
      required={field === "nameDe"}
      maxLength={100}
      lang={lang}
    />
  ));
}

type ItemFormProps = {
  kind: "room" | "track";
  meetingId: string;
  save: Action;
  remove: Action;
  /** Editing: the room's or track's id and how many sessions use it; creating: absent. */
  item?: { id: string; sessions: number };
  /** The fields after the names, with the form's key (for ids) and state (for values and errors). */
  fields: (form: string, state: FormState) => ReactNode;
};

/** A room's or a track's form: names, its own fields, save, and (for an existing one) delete. */
function ItemForm({ kind, meetingId, save, remove, item, fields }: ItemFormProps) {
  const t = useTranslations("adminMeetings.rooms");
  const { state, pending, formProps } = useFormAction(save, initialFormState);
  const form = item ? `${kind}-${item.id}` : `${kind}-new`;
  const idField = `${kind}Id`;
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <form
        {...formProps}
        className="space-y-3"
        noValidate
        aria-label={item ? undefined : t(kind === "room" ? "newRoom" : "newTrack")}
      >
        <input type="hidden" name="meetingId" value={meetingId} />
        {item && <input type="hidden" name={idField} value={item.id} />}
        <FormMessage state={state} />
        <div className="grid gap-3 sm:grid-cols-3">{fields(form, state)}</div>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton
            pending={pending}
            label={item ? t("save") : t("add")}
            pendingLabel={item ? t("saving") : t("adding")}
          />
          {item && <span className="text-sm text-slate-600">{t("usedBy", { count: item.sessions })}</span>}
        </div>
      </form>
      {item && (
        <DeleteForm
          action={remove}
          hidden={{ meetingId, [idField]: item.id }}
          label={t("delete")}
          pendingLabel={t("deleting")}
        />
      )}
    </div>
  );
}

type RoomFormProps = { meetingId: string; save: Action; remove: Action; room?: RoomValues };

/** One room (or, without `room`, a new one). */
export function RoomForm({ room, ...actions }: RoomFormProps) {
  const t = useTranslations("adminMeetings.rooms");
  return (
    <ItemForm
      kind="room"
      item={room}
      {...actions}
      fields={(form, state) => (
        <>
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
            <SortOrderField form={form} state={state} value={room?.sortOrder} />
          </div>
        </>
      )}
    />
  );
}

type TrackFormProps = { meetingId: string; save: Action; remove: Action; track?: TrackValues };

/** One track (or, without `track`, a new one). */
export function TrackForm({ track, ...actions }: TrackFormProps) {
  const t = useTranslations("adminMeetings.rooms");
  return (
    <ItemForm
      kind="track"
      item={track}
      {...actions}
      fields={(form, state) => (
        <>
          <NameFields form={form} state={state} name={track?.name} />
          <InlineField
            form={form}
            name="color"
            type="color"
            label={t("color")}
            state={state}
            defaultValue={track?.color ?? "#475569"}
          />
          <SortOrderField form={form} state={state} value={track?.sortOrder} />
        </>
      )}
    />
  );
}

/** Where a room or track stands in lists. */
function SortOrderField({ form, state, value }: { form: string; state: FormState; value?: number }) {
  const t = useTranslations("adminMeetings.rooms");
  return (
    <InlineField
      form={form}
      name="sortOrder"
      type="number"
      label={t("sortOrder")}
      state={state}
      defaultValue={value?.toString() ?? ""}
    />
  );
}
