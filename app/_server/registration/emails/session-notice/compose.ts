import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { messages } from "@/app/_lib/i18n/messages";
import { createTranslator } from "@/app/_lib/i18n/translator";
import { CALENDAR_CONTENT_TYPE, personalCalendar } from "../../../calendar/ics";
import { chinaTimeLine, roomName, seatLine, translator as emailTranslator } from "../../../calendar/wording";
import type { Attachment } from "../../../mail/outbox";
import { manageUrl } from "../../tokens";
import type { SeatView } from "../../view";
import type { PracticalInfo } from "@/app/_lib/meetings/practical-info";
import { emailBodies, type Block } from "../content";
import { emailFooter } from "../footer";
import { greeting, localTimeLine } from "../wording";
import type { NoticeSessionState, SessionNoticeDraft } from "./draft";

/**
 * A change notice as the delegate reads it, in their language: what changed, old and new, the times in
 * the meeting's zone and in Beijing as every email gives them, and the session's event as it stands now
 * (same UID as every feed, its SEQUENCE risen with the change, CANCELLED when it no longer takes place).
 */

export type NoticeVariant = "changed" | "cancelled" | "withdrawn" | "restored";

/** What the change comes to for the delegate, from the first old state to the latest new one. */
export function noticeVariant(before: NoticeSessionState, after: NoticeSessionState): NoticeVariant {
  if (after.status === "cancelled") return "cancelled";
  if (after.status === "draft") return "withdrawn";
  return before.status === "published" ? "changed" : "restored";
}

/** What a notice reads as it is composed: the installation's UID domain and the footer's practical information. */
export type NoticeComposeFacts = { uidDomain: string; practical: PracticalInfo | null };

function createNoticeTranslator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "sessionNotice" });
}

const translators = new Map<AppLocale, ReturnType<typeof createNoticeTranslator>>();

function noticeTranslator(locale: AppLocale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createNoticeTranslator(locale)));
  return t;
}

function seatOf(draft: SessionNoticeDraft): SeatView {
  const seat = draft.view.sessions.find((candidate) => candidate.sessionId === draft.sessionId);
  if (!seat) throw new Error("Session notice draft without the delegate's seat");
  return seat;
}

export function noticeSubject(draft: SessionNoticeDraft): string {
  const locale = draft.view.language;
  return noticeTranslator(locale)(`subject.${noticeVariant(draft.before, draft.after)}`, {
    session: pick(seatOf(draft).title, locale),
    meeting: pick(draft.view.meeting.title, locale),
  });
}

/** The email a notice draft says; `manageToken` goes into the manage link (the outbox's placeholder). */
export function composeNoticeDraft(
  draft: SessionNoticeDraft,
  manageToken: string,
  { uidDomain, practical }: NoticeComposeFacts,
): { subject: string; text: string; html: string; attachments: Attachment[] } {
  const { view, before, after } = draft;
  const locale = view.language;
  const t = noticeTranslator(locale);
  const te = emailTranslator(locale);
  const zone = view.meeting.timeZone;
  const seat = seatOf(draft);
  const session = pick(seat.title, locale);
  const variant = noticeVariant(before, after);
  const ended = variant === "cancelled" || variant === "withdrawn";
  const times = (state: NoticeSessionState) => [
    localTimeLine(te, state, zone, locale),
    chinaTimeLine(te, state, zone, locale),
  ];
  const room = (state: NoticeSessionState) => roomName(state, locale) ?? t("noRoom");

  const blocks: Block[] = [
    { type: "paragraph", text: greeting(te, view, locale) },
    { type: "paragraph", text: t(`intro.${variant}`, { session }) },
  ];
  if (variant === "changed") {
    const moved = before.startsAt !== after.startsAt || before.endsAt !== after.endsAt;
    if (moved)
      blocks.push(
        { type: "session", title: t("timeBefore"), lines: times(before) },
        { type: "session", title: t("timeAfter"), lines: times(after) },
      );
    if (before.roomId !== after.roomId)
      blocks.push({
        type: "facts",
        rows: [
          [t("roomBefore"), room(before)],
          [t("roomAfter"), room(after)],
        ],
      });
    blocks.push({ type: "paragraph", text: seatLine(te, view, seat) });
  } else {
    // A cancelled or withdrawn session as the delegate knew it; a restored one as it is now.
    const shown = ended ? before : after;
    const place = roomName(shown, locale);
    blocks.push({
      type: "session",
      title: session,
      lines: [
        ...times(shown),
        ...(place ? [te("room", { room: place })] : []),
        ...(ended ? [] : [seatLine(te, view, seat)]),
      ],
    });
  }
  blocks.push(
    { type: "heading", text: te("manageHeading") },
    { type: "paragraph", text: te("manageText") },
    { type: "link", url: manageUrl(locale, manageToken) },
    { type: "paragraph", text: te("manageWarning") },
    { type: "paragraph", text: t(ended ? "calendarNoteCancelled" : "calendarNote") },
  );
  const subject = noticeSubject(draft);
  // The event as feeds have it now; a session off the program is in no feed, so it is cancelled here.
  const calendarView = {
    ...view,
    sessions: [
      {
        ...seat,
        sessionStatus: seat.sessionStatus === "draft" ? ("cancelled" as const) : seat.sessionStatus,
      },
    ],
  };
  return {
    subject,
    ...emailBodies(
      locale,
      subject,
      blocks,
      emailFooter({ venueName: view.meeting.venueName, practical }, locale),
    ),
    attachments: [
      {
        filename: `meeting-${view.meeting.slug}-update.ics`,
        contentType: CALENDAR_CONTENT_TYPE,
        content: personalCalendar(calendarView, locale, { uidDomain }),
      },
    ],
  };
}
