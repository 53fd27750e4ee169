"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState, type FormEvent, type ReactNode } from "react";
import { FormMessage } from "@/app/_components/forms/FormMessage";
import { moveItem } from "@/app/_lib/ceremony-order";
import { previewRunOfShow } from "@/app/_lib/ceremony-warnings";
import type { ScheduledSession } from "@/app/_lib/conflicts";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick, type Translations } from "@/app/_lib/i18n/localized";
import { initialFormState, type FormState } from "@/app/_lib/form-state";
import { formatTimeRange } from "@/app/_lib/time";
import { useDragReorder } from "./useDragReorder";
import { WarningList } from "./WarningList";

export type EditorSegment = {
  id: string;
  durationMinutes: number;
  title: Translations;
  /** Public: shown with the run-of-show on the session page. */
  description: Translations;
  /** For organizers and crew only. */
  internalNotes: string | null;
  participantIds: string[];
};

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  meetingSlug: string;
  sessionId: string;
  slot: { startsAt: string; endsAt: string };
  timeZone: string;
  locale: AppLocale;
  segments: EditorSegment[];
  /** Display names by person id, in the reader's script. */
  names: Record<string, string>;
  others: ScheduledSession[];
  /** The edit form of each segment, rendered by the page. */
  editForms: Record<string, ReactNode>;
  moveAction: Action;
  reorderAction: Action;
};

const languages = ["de", "en", "zh"] as const;
const langAttribute = { de: "de", en: "en", zh: "zh-CN" } as const;

/**
 * The run-of-show in its order, with every start time derived from the order shown: dragging or moving a
 * segment recomputes the times and warnings at once and saves the complete new order. Without
 * JavaScript the move buttons are forms that move one place and reload the page.
 */
export function SegmentList(props: Props) {
  const { meetingSlug, sessionId, slot, timeZone, locale, segments, names } = props;
  const t = useTranslations("adminCeremony.runOfShow");
  const saved = segments.map((segment) => segment.id);
  const [order, setOrder] = useState(saved);
  // After the page reloads its data (a save here or elsewhere), the saved order is the one to show.
  const [synced, setSynced] = useState(saved.join(","));
  if (synced !== saved.join(",")) {
    setSynced(saved.join(","));
    setOrder(saved);
  }
  const [moveState, moveFormAction] = useActionState(props.moveAction, initialFormState);
  const [reorderState, reorder, reordering] = useActionState(props.reorderAction, initialFormState);
  const [announcement, setAnnouncement] = useState("");

  // A refused order (someone changed the ceremony meanwhile) goes back to what is saved, once per answer.
  const [answered, setAnswered] = useState(reorderState);
  if (answered !== reorderState) {
    setAnswered(reorderState);
    if (!reorderState.ok && reorderState.message) setOrder(saved);
  }

  const byId = new Map(segments.map((segment) => [segment.id, segment]));
  const ordered = order
    .map((id) => byId.get(id))
    .filter((segment): segment is EditorSegment => segment !== undefined);
  const preview = previewRunOfShow(
    { id: sessionId, startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt) },
    ordered,
    props.others,
  );

  function move(from: number, to: number) {
    const next = moveItem(order, from, to);
    if (next.join(",") === order.join(",")) return;
    setOrder(next);
    const moved = byId.get(order[from]!);
    if (moved)
      setAnnouncement(
        t("moved", { segment: pick(moved.title, locale), position: next.indexOf(moved.id) + 1 }),
      );
    const formData = new FormData();
    formData.set("meetingSlug", meetingSlug);
    formData.set("sessionId", sessionId);
    for (const id of next) formData.append("segmentIds", id);
    startTransition(() => reorder(formData));
  }

  const drag = useDragReorder(move);
  const status = reordering
    ? { ok: true, message: t("saving") }
    : reorderState.message
      ? reorderState
      : moveState;

  return (
    <div className="space-y-4">
      <WarningList
        fit={preview.fit}
        clashes={preview.clashes}
        segments={ordered}
        times={Object.fromEntries(preview.segments.map((segment) => [segment.id, segment]))}
        names={names}
        timeZone={timeZone}
        locale={locale}
      />
      <FormMessage state={status} />
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      {ordered.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="space-y-3" data-testid="segments">
          {preview.segments.map((segment, index) => {
            const title = pick(segment.title, locale);
            const clashing = preview.clashes.some((clash) => clash.segmentId === segment.id);
            const moveForm = (direction: "up" | "down", disabled: boolean) => (
              <form
                action={moveFormAction}
                onSubmit={(event: FormEvent) => {
                  event.preventDefault();
                  move(index, direction === "up" ? index - 1 : index + 1);
                }}
              >
                <input type="hidden" name="meetingSlug" value={meetingSlug} />
                <input type="hidden" name="sessionId" value={sessionId} />
                <input type="hidden" name="segmentId" value={segment.id} />
                <input type="hidden" name="direction" value={direction} />
                <button
                  type="submit"
                  disabled={disabled}
                  aria-label={t(direction === "up" ? "moveUp" : "moveDown", { segment: title })}
                  className="rounded border border-slate-300 bg-white px-2.5 py-1 text-sm hover:bg-slate-100 disabled:opacity-40"
                >
                  <span aria-hidden="true">{direction === "up" ? "↑" : "↓"}</span>
                </button>
              </form>
            );
            return (
              <li
                key={segment.id}
                {...drag.rowProps(index)}
                data-segment-id={segment.id}
                className={`rounded-lg border bg-white p-3 data-[dragging]:opacity-50 data-[drop-target]:border-brand-700 data-[drop-target]:ring-2 data-[drop-target]:ring-brand-700 ${clashing ? "border-amber-500" : "border-slate-200"}`}
              >
                <div className="flex flex-wrap items-start gap-3">
                  <span
                    {...drag.handleProps(index)}
                    title={t("drag", { segment: title })}
                    aria-hidden="true"
                    className="hidden cursor-grab select-none rounded px-1 text-xl leading-none text-slate-400 hover:bg-slate-100 sm:block"
                  >
                    ⠿
                  </span>
                  <div className="w-28 shrink-0">
                    <p className="font-semibold tabular-nums" data-testid="segment-time">
                      <time dateTime={segment.startsAt.toISOString()}>
                        {formatTimeRange(segment.startsAt, segment.endsAt, timeZone, locale)}
                      </time>
                    </p>
                    <p className="text-sm text-slate-600">
                      {t("minutes", { count: segment.durationMinutes })}
                    </p>
                  </div>
                  <div className="min-w-0 flex-1 space-y-1">
                    <p className="font-medium" lang={langAttribute.de}>
                      {segment.title.de}
                    </p>
                    {languages.slice(1).map((language) =>
                      segment.title[language] ? (
                        <p key={language} lang={langAttribute[language]} className="text-sm text-slate-700">
                          <span className="text-slate-500">{language.toUpperCase()}:</span>{" "}
                          {segment.title[language]}
                        </p>
                      ) : null,
                    )}
                    {segment.participantIds.length > 0 && (
                      <p className="text-sm">
                        <span className="text-slate-500">{t("participantsLine")}</span>{" "}
                        {segment.participantIds.map((id) => names[id] ?? id).join(", ")}
                      </p>
                    )}
                    {languages.map((language) =>
                      segment.description[language] ? (
                        <p key={language} className="text-sm text-slate-600">
                          <span className="text-slate-500">
                            {t("descriptionLine", { language: language.toUpperCase() })}
                          </span>{" "}
                          <span lang={langAttribute[language]}>{segment.description[language]}</span>
                        </p>
                      ) : null,
                    )}
                    {segment.internalNotes && (
                      <p
                        className="whitespace-pre-line rounded bg-amber-50 px-2 py-1 text-sm text-amber-950"
                        data-testid="segment-internal-notes"
                      >
                        <span className="font-medium">{t("internalNotesLine")}</span> {segment.internalNotes}
                      </p>
                    )}
                  </div>
                  <div className="flex gap-1">
                    {moveForm("up", index === 0)}
                    {moveForm("down", index === preview.segments.length - 1)}
                  </div>
                </div>
                {props.editForms[segment.id]}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
