import "server-only";
import { SESSION_NOTICE_KIND } from "@/app/_lib/agenda/change-notice";
import { registerEmailKinds, type ComposedEmail } from "../../../mail/kinds";
import { LINK_TOKEN_PLACEHOLDER } from "../../../mail/links";
import { calendarUidDomain } from "../../../calendar/uid-domain";
import { getPracticalInfo } from "../../../meetings/practical-info";
import { mintManageLink } from "../links";
import { composeNoticeDraft } from "./compose";
import { readNoticeDraft } from "./draft";

export { SESSION_NOTICE_KIND };

/**
 * A stored notice draft (of any version) as it leaves, with the manage link's placeholder, the
 * installation's calendar UID domain and, in its footer, the meeting's practical information as it
 * stands now (as registration emails have it).
 */
async function composeStoredNotice(stored: unknown): Promise<ComposedEmail> {
  const draft = readNoticeDraft(stored);
  // Read first: a draft this code cannot read fails here, before any lookup runs that nobody would await.
  const meetingId = draft.view.meeting.id;
  const [uidDomain, practical] = await Promise.all([calendarUidDomain(), getPracticalInfo(meetingId)]);
  const { text, html, attachments } = composeNoticeDraft(draft, LINK_TOKEN_PLACEHOLDER, {
    uidDomain,
    practical,
  });
  return { text, html, attachments };
}

// As this module loads (queue.ts imports it, and app/_server/email-links.ts for a server's own delivery).
registerEmailKinds([SESSION_NOTICE_KIND], { compose: composeStoredNotice, mintLink: mintManageLink });
