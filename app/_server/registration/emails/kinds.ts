import "server-only";
import { registerEmailKinds, type ComposedEmail } from "../../mail/kinds";
import { LINK_TOKEN_PLACEHOLDER } from "../../mail/links";
import type { Attachment } from "../../mail/outbox";
import { getPracticalInfo } from "../../meetings/practical-info";
import { checkInQrPng } from "../check-in-link";
import { registrationEmailKinds, type RegistrationEmailKind } from "./content";
import { calendarUidDomain } from "../../calendar/uid-domain";
import { openSessionEvents } from "../program";
import {
  carriesManageLink,
  carriesOpenProgram,
  composeDraft,
  type ComposeTimeFacts,
  type DraftProgram,
  type RegistrationEmailDraft,
} from "./drafts";
import { mintManageLink } from "./links";
import { readDraft } from "./versions";

/** The outbox's name of a registration email's kind. */
export function registrationKind(kind: RegistrationEmailKind): string {
  return `registration.${kind}`;
}

/**
 * The program as it stands when the email is composed. Read here rather than stored with the draft: the
 * registration's transaction stays as short as it was, and a delegate gets the sessions as they are when
 * the email leaves.
 */
async function currentProgram(draft: RegistrationEmailDraft): Promise<DraftProgram> {
  const uidDomain = await calendarUidDomain();
  if (!carriesOpenProgram(draft)) return { uidDomain, open: [] };
  const { view } = draft;
  const open = await openSessionEvents(view.meeting.slug, {
    lang: view.language,
    timeZone: view.meeting.timeZone,
    uidDomain,
  });
  return { uidDomain, open };
}

async function currentFacts(draft: RegistrationEmailDraft): Promise<ComposeTimeFacts> {
  // Read first: a draft this code cannot read fails here, before any lookup runs that nobody would await.
  const meetingId = draft.view.meeting.id;
  const [program, practical] = await Promise.all([currentProgram(draft), getPracticalInfo(meetingId)]);
  return { program, practical };
}

/**
 * A stored draft (of any version) as it leaves. The check-in QR code is drawn here, not when the email is
 * queued: its PNG takes milliseconds of CPU, which in the registration's transaction made every delegate
 * in a rush wait and held the seat's lock meanwhile, and it follows from the address it encodes anyway.
 */
export async function composeStoredDraft(
  stored: unknown,
  facts: (draft: RegistrationEmailDraft) => Promise<ComposeTimeFacts> = currentFacts,
): Promise<ComposedEmail> {
  const draft = readDraft(stored);
  const { text, html, attachments } = composeDraft(draft, LINK_TOKEN_PLACEHOLDER, await facts(draft));
  return {
    text,
    html,
    attachments: await Promise.all(
      attachments.map(async (attachment): Promise<Attachment> => {
        if (!("checkInQr" in attachment)) return attachment;
        const { checkInQr, ...described } = attachment;
        const png = await checkInQrPng(checkInQr.meetingSlug, checkInQr.code);
        return { ...described, content: png.toString("base64"), encoding: "base64" };
      }),
    ),
  };
}

// As this module loads (queue.ts imports it): a process that queues these emails can always send them.
for (const kind of registrationEmailKinds) {
  registerEmailKinds([registrationKind(kind)], {
    compose: (stored) => composeStoredDraft(stored),
    ...(carriesManageLink(kind) && { mintLink: mintManageLink }),
  });
}
