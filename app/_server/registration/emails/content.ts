import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { formatCheckInCode } from "@/app/_lib/check-in-code";
import { htmlLang } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { localPlaceName } from "@/app/_lib/i18n/place-names";
import { labelled } from "@/app/_lib/i18n/punctuation";
import { messages } from "@/app/_lib/i18n/messages";
import { formatCalendarDate } from "@/app/_lib/time";
import { chinaTimeLine, roomName, seatLine, translator } from "../../calendar/wording";
import { CHECK_IN_QR_PIXELS } from "../check-in-link";
import type { EmailView } from "../view";
import { escapeHtml } from "../../mail/html";
import type { PracticalInfo } from "@/app/_lib/meetings/practical-info";
import { emailFooter, type EmailFooter } from "./footer";
import { greeting, localTimeLine } from "./wording";
import { registrationEmailKinds, type RegistrationEmailKind } from "@/app/_lib/registration/email-kinds";

/**
 * The registration emails as plain text and HTML, from the same blocks. Pure: the view and the link in,
 * strings out. Every value is escaped for HTML at the one place where HTML is written (`html` below).
 */

export { registrationEmailKinds, type RegistrationEmailKind };

/** Kinds after which the delegate has no seats to show or put in a calendar. */
const ended: readonly RegistrationEmailKind[] = ["rejected", "cancelled"];

export type ComposeInput = {
  kind: RegistrationEmailKind;
  view: EmailView;
  /** The personal manage link (with the token's placeholder); null: the email carries none. */
  manageUrl: string | null;
  /** Title of the session a "promoted" email is about. */
  sessionTitle?: string;
  withCalendar: boolean;
  /** The attached calendar cancels sessions the delegate gave up. */
  calendarReleases?: boolean;
  /** The organizers' message to the delegate, shown after the introduction, line breaks kept. */
  message?: string;
  /** The check-in code to show, and the content id of its QR code's inline image. */
  checkIn?: { code: string; imageCid: string };
  /** The meeting's practical information as it stands when the email is composed, for the footer. */
  practical?: PracticalInfo | null;
};

/** One part of an email's body, written as plain text and as HTML alike. */
export type Block =
  | { type: "paragraph"; text: string }
  | { type: "message"; heading: string; text: string }
  | { type: "facts"; rows: [label: string, value: string][] }
  | { type: "heading"; text: string }
  | { type: "session"; title: string; lines: string[] }
  | { type: "link"; url: string }
  | { type: "checkIn"; code: string; imageCid: string; alt: string };

/**
 * Moving up from a waiting list gives a seat for good only to a registration that is confirmed: until
 * the organizers approve it, the seat is held.
 */
function variantOf(kind: RegistrationEmailKind, view: Pick<EmailView, "status">) {
  return kind === "promoted" && view.status === "pending" ? "promotedPending" : kind;
}

/** The subject line alone: the outbox keeps it from the start, while the rest may wait to be composed. */
export function registrationEmailSubject(
  input: Pick<ComposeInput, "kind" | "view" | "sessionTitle">,
): string {
  const locale = input.view.language;
  const meeting = pick(input.view.meeting.title, locale);
  return translator(locale)(`subject.${variantOf(input.kind, input.view)}`, {
    meeting,
    session: input.sessionTitle ?? "",
  });
}

export function composeRegistrationEmail(input: ComposeInput): {
  subject: string;
  text: string;
  html: string;
} {
  const { kind, view } = input;
  const locale = view.language;
  const t = translator(locale);
  const meeting = pick(view.meeting.title, locale);
  const session = input.sessionTitle ?? "";
  const variant = variantOf(kind, view);
  const subject = registrationEmailSubject(input);

  const blocks: Block[] = [
    { type: "paragraph", text: greeting(t, view, locale) },
    { type: "paragraph", text: t(`intro.${variant}`, { session }) },
    ...(input.message
      ? [{ type: "message" as const, heading: t("organizerMessage"), text: input.message }]
      : []),
    {
      type: "facts",
      rows: [
        [t("meeting"), meeting],
        [t("date"), formatCalendarDate(view.meeting.startsOn, locale)],
        [t("venue"), localPlaceName(view.meeting.venueName, locale)],
        [t("role"), messages[locale].roles[view.role]],
        [t("status"), t(`statuses.${view.status}`)],
      ],
    },
  ];
  if (input.checkIn) {
    const code = formatCheckInCode(input.checkIn.code);
    blocks.push(
      { type: "heading", text: t("checkInHeading") },
      { type: "paragraph", text: t("checkInText") },
      { type: "checkIn", code, imageCid: input.checkIn.imageCid, alt: t("checkInAlt", { code }) },
    );
  }
  if (!ended.includes(kind)) blocks.push(...sessionBlocks(input, locale));
  if (input.manageUrl) {
    blocks.push(
      { type: "heading", text: t("manageHeading") },
      { type: "paragraph", text: t(ended.includes(kind) ? "manageTextEnded" : "manageText") },
      { type: "link", url: input.manageUrl },
      { type: "paragraph", text: t("manageWarning") },
    );
  }
  if (input.withCalendar) {
    const note = ended.includes(kind) ? t("calendarNoteCancelled") : t("calendarNote");
    const releases = input.calendarReleases && !ended.includes(kind) ? t("calendarNoteReleased") : null;
    blocks.push({
      type: "paragraph",
      text: releases ? [note, releases].join(locale === "zh" ? "" : " ") : note,
    });
  }
  const footer = emailFooter(
    { venueName: view.meeting.venueName, practical: input.practical ?? null },
    locale,
  );
  return { subject, ...emailBodies(locale, subject, blocks, footer) };
}

/** The plain text and the HTML of a delegate's email: its blocks, then the closing and the footer. */
export function emailBodies(
  locale: AppLocale,
  subject: string,
  blocks: Block[],
  footer: EmailFooter,
): { text: string; html: string } {
  const t = translator(locale);
  // A closing may take two lines: the Chinese "此致" and "敬礼！" stand on lines of their own.
  const closing = [...t("closing").split("\n"), t("signature"), t("sender")];
  return {
    text: text(locale, blocks, closing, footer),
    html: html(locale, subject, blocks, closing, footer),
  };
}

function sessionBlocks(input: ComposeInput, locale: AppLocale): Block[] {
  const { view } = input;
  const t = translator(locale);
  const zone = view.meeting.timeZone;
  const seats = view.sessions.filter((seat) => seat.sessionStatus !== "draft");
  return [
    { type: "heading", text: t("sessionsHeading") },
    ...(seats.length === 0 ? [{ type: "paragraph" as const, text: t("noSessions") }] : []),
    ...seats.map((seat): Block => {
      const room = roomName(seat, locale);
      return {
        type: "session",
        title: pick(seat.title, locale),
        lines: [
          localTimeLine(t, seat, zone, locale),
          chinaTimeLine(t, seat, zone, locale),
          ...(room ? [t("room", { room })] : []),
          seatLine(t, view, seat),
        ],
      };
    }),
    { type: "paragraph", text: t("openSessions") },
  ];
}

/** Columns a monospaced reader gives the text: two for each CJK character. */
function columns(text: string): number {
  return [...text].reduce((sum, character) => sum + (character >= "\u2e80" ? 2 : 1), 0);
}

function text(locale: AppLocale, blocks: Block[], closing: string[], footer: EmailFooter): string {
  const parts = blocks.map((block) => {
    switch (block.type) {
      case "paragraph":
        return block.text;
      case "message":
        return `${block.heading}\n${block.text}`;
      case "heading":
        return `${block.text}\n${"-".repeat(Math.min(columns(block.text), 72))}`;
      case "facts":
        return block.rows.map(([label, value]) => labelled(label, value, locale)).join("\n");
      case "session":
        return [`• ${block.title}`, ...block.lines.map((line) => `  ${line}`)].join("\n");
      case "link":
        return block.url;
      case "checkIn":
        return `    ${block.code}`;
    }
  });
  return `${[...parts, closing.join("\n")].join("\n\n")}\n\n-- \n${footer.text}\n`;
}

const styles = {
  body: "margin:0;padding:24px;background:#ffffff;color:#1f2937;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5",
  heading: "margin:24px 0 8px;font-size:17px",
  label: "padding:2px 16px 2px 0;color:#4b5563;vertical-align:top",
  code: "font-family:Consolas,Menlo,monospace;font-size:22px;letter-spacing:2px",
};

function html(
  locale: AppLocale,
  subject: string,
  blocks: Block[],
  closing: string[],
  footer: EmailFooter,
): string {
  const e = escapeHtml;
  const parts = blocks.map((block) => {
    switch (block.type) {
      case "paragraph":
        return `<p>${e(block.text)}</p>`;
      case "message":
        return `<p><strong>${e(block.heading)}</strong><br>${e(block.text).replace(/\r?\n/g, "<br>")}</p>`;
      case "heading":
        return `<h2 style="${styles.heading}">${e(block.text)}</h2>`;
      case "facts":
        return `<table role="presentation" cellpadding="0" cellspacing="0">${block.rows
          .map(
            ([label, value]) => `<tr><td style="${styles.label}">${e(label)}</td><td>${e(value)}</td></tr>`,
          )
          .join("")}</table>`;
      case "session":
        return `<p><strong>${e(block.title)}</strong><br>${block.lines.map(e).join("<br>")}</p>`;
      case "link":
        return `<p><a href="${e(block.url)}">${e(block.url)}</a></p>`;
      case "checkIn":
        return `<p><img src="cid:${e(block.imageCid)}" width="${CHECK_IN_QR_PIXELS}" height="${CHECK_IN_QR_PIXELS}" alt="${e(block.alt)}"><br><strong style="${styles.code}">${e(block.code)}</strong></p>`;
    }
  });
  return [
    "<!DOCTYPE html>",
    `<html lang="${htmlLang[locale]}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(subject)}</title></head>`,
    `<body style="${styles.body}">`,
    ...parts,
    `<p>${closing.map(e).join("<br>")}</p>`,
    footer.html,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
