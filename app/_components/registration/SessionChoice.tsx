"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { HeldPlace } from "@/app/_lib/registration/session-options";
import { describedBy, FieldMessages, listValue, type FieldContext } from "../forms/Field";

export type SessionOption = {
  id: string;
  title: string;
  /** "Montag, 24. April 2017" */
  day: string;
  /** The time range in the meeting's zone and in China, already formatted. */
  timeLocal: string;
  timeChina: string;
  room: string | null;
  capacity: number;
  seatsLeft: number;
  waiting: number;
  /** What the delegate holds already (manage page): shown instead of the seats left. */
  held?: HeldPlace;
};

type Props = {
  slug: string;
  sessions: SessionOption[];
  state: FieldContext;
  chosen?: string[];
  labels: { local: string; china: string };
};

/** How often seats left are refreshed while the form is open. */
const REFRESH_MS = 15_000;

/**
 * Checkboxes for the sessions with limited seats. Seats left refresh while the page is visible; a full
 * session stays selectable and says that choosing it means the waiting list.
 */
export function SessionChoice({ slug, sessions, state, chosen = [], labels }: Props) {
  const t = useTranslations("register");
  const [live, setLive] = useState(() => new Map(sessions.map((session) => [session.id, session])));
  // After an answer of the server, ticked as sent (no box ticked sends nothing); before it, as held.
  const selected = state.values ? (listValue(state, "sessionIds") ?? []) : chosen;

  useEffect(() => {
    let stopped = false;
    async function refresh() {
      if (document.visibilityState !== "visible") return;
      try {
        const response = await fetch(`/api/meetings/${encodeURIComponent(slug)}/seats`, {
          cache: "no-store",
        });
        if (!response.ok || stopped) return;
        const { sessions: fresh } = (await response.json()) as {
          sessions: { id: string; seatsLeft: number; waiting: number }[];
        };
        setLive((current) => {
          const next = new Map(current);
          for (const seat of fresh) {
            const known = next.get(seat.id);
            if (known) next.set(seat.id, { ...known, seatsLeft: seat.seatsLeft, waiting: seat.waiting });
          }
          return next;
        });
      } catch {
        // Offline for a moment: keep the last figures; the server decides on submit anyway.
      }
    }
    const timer = setInterval(refresh, REFRESH_MS);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [slug]);

  if (sessions.length === 0) return <p>{t("noSessions")}</p>;
  const error = state.fieldErrors?.sessionIds;
  return (
    <div className="space-y-3" role="group" aria-describedby={describedBy("sessionIds", state, true)}>
      <p id="sessionIds-hint" className="text-sm text-slate-600">
        {t("sessionsHint")}
      </p>
      <ul className="space-y-3">
        {sessions.map(({ id }) => {
          const session = live.get(id)!;
          const full = session.seatsLeft === 0;
          return (
            <li
              key={id}
              className={`rounded border p-3 ${full && !session.held ? "border-amber-300 bg-amber-50" : "border-slate-200"}`}
            >
              <label className="flex items-start gap-3">
                <input
                  id={`sessionIds-${id}`}
                  type="checkbox"
                  name="sessionIds"
                  value={id}
                  defaultChecked={selected.includes(id)}
                  aria-invalid={error ? true : undefined}
                  className="mt-1 size-4 shrink-0 accent-brand-700"
                />
                <span className="min-w-0 space-y-1">
                  <span className="block font-medium">{session.title}</span>
                  <span className="block text-sm text-slate-700">
                    {session.day} · <span className="tabular-nums font-semibold">{session.timeLocal}</span>{" "}
                    {labels.local} · <span className="tabular-nums">{session.timeChina}</span> {labels.china}
                    {session.room && ` · ${session.room}`}
                  </span>
                  <span className="block text-sm" data-testid={`seats-${id}`}>
                    {session.held ? (
                      // A seat green, a waiting place amber, each with its own words, not the colour alone.
                      <span
                        data-testid={`held-${id}`}
                        className={`rounded px-1.5 py-0.5 font-medium ${session.held.waitlisted ? "bg-amber-100 text-amber-900" : "bg-emerald-100 text-emerald-900"}`}
                      >
                        {session.held.label}
                      </span>
                    ) : full ? (
                      <span className="font-medium text-amber-900">{t("full")}</span>
                    ) : (
                      <span className="text-slate-700">
                        {t("seatsLeft", { count: session.seatsLeft, capacity: session.capacity })}
                      </span>
                    )}
                    {session.waiting > 0 && !session.held && (
                      <span className="text-slate-600"> · {t("waiting", { count: session.waiting })}</span>
                    )}
                  </span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <FieldMessages name="sessionIds" state={state} />
    </div>
  );
}
