import "server-only";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { messages } from "@/app/_lib/i18n/messages";
import { colon, labelled } from "@/app/_lib/i18n/punctuation";
import { localPlaceName } from "@/app/_lib/i18n/place-names";
import {
  contactLine,
  hasPracticalInfo,
  mapLinks,
  practicalText,
  practicalTextKeys,
  venueLine,
  type PracticalInfo,
} from "@/app/_lib/meetings/practical-info";
import { escapeHtml } from "../../mail/html";

/**
 * The footer of every email to a delegate, in their language: the meeting's practical information (whom
 * to ask, where the venue is, maps, arrival, badge pickup, dress code, interpretation), then why the
 * email came. The one place it is written: an email kind of its own calls `emailFooter` for its text
 * and HTML bodies and says the same.
 */

export type EmailFooter = { text: string; html: string };

/** What the footer tells about the meeting: its venue's name and its practical information, if any. */
export type FooterMeeting = { venueName: string; practical: PracticalInfo | null };

type Line = { label: string; value: string; href?: string };

const styles = {
  small: "margin-top:32px;color:#6b7280;font-size:13px",
  link: "color:#6b7280",
};

function practicalLines(meeting: FooterMeeting, locale: AppLocale): Line[] {
  const info = meeting.practical;
  if (!hasPracticalInfo(info)) return [];
  const t = messages[locale].practicalInfo;
  const { contact, venue } = info;
  const lines: Line[] = [];
  const reach = contactLine(contact, locale);
  if (reach) lines.push({ label: t.contact, value: reach });
  if (venue.address)
    lines.push({
      label: t.venue,
      value: venueLine(localPlaceName(meeting.venueName, locale), venue.address, locale),
    });
  const maps = mapLinks(meeting.venueName, venue);
  if (maps) {
    lines.push({ label: t.openStreetMap, value: maps.openStreetMap, href: maps.openStreetMap });
    lines.push({ label: t.amap, value: maps.amap, href: maps.amap });
  }
  if (venue.directionsUrl)
    lines.push({ label: t.directions, value: venue.directionsUrl, href: venue.directionsUrl });
  for (const key of practicalTextKeys) {
    const text = practicalText(info, key, locale);
    if (text) lines.push({ label: t[key], value: text });
  }
  return lines;
}

/**
 * The footer: the practical information, then why the delegate gets the email (`why`: a registration
 * email's reason unless the kind of email gives its own).
 */
export function emailFooter(
  meeting: FooterMeeting,
  locale: AppLocale,
  why: string = messages[locale].email.footer,
): EmailFooter {
  const lines = practicalLines(meeting, locale);
  const title = messages[locale].practicalInfo.title;
  const e = escapeHtml;
  const practicalText = lines.length
    ? `${[title, ...lines.map(({ label, value }) => labelled(label, value, locale))].join("\n")}\n\n`
    : "";
  const practicalHtml = lines.length
    ? `<p style="${styles.small}"><strong>${e(title)}</strong><br>${lines
        .map(({ label, value, href }) => {
          const shown = href
            ? `<a href="${e(href)}" style="${styles.link}">${e(value)}</a>`
            : e(value).replace(/\r?\n/g, "<br>");
          return `${e(label)}${e(colon(locale))}${shown}`;
        })
        .join("<br>")}</p>\n`
    : "";
  return {
    text: `${practicalText}${why}`,
    html: `${practicalHtml}<p style="${styles.small}">${e(why)}</p>`,
  };
}
