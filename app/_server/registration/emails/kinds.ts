import "server-only";
import type { PracticalInfo } from "@/app/_lib/meetings/practical-info";
import { registerEmailKinds, type ComposedEmail } from "../../mail/kinds";
import { LINK_TOKEN_PLACEHOLDER } from "../../mail/links";
import type { Attachment } from "../../mail/outbox";
import { getPracticalInfo } from "../../meetings/practical-info";
import { checkInQrPng } from "../check-in-link";
import { registrationEmailKinds, type RegistrationEmailKind } from "./content";
import { carriesManageLink, composeDraft } from "./drafts";
import { mintManageLink } from "./links";
import { readDraft } from "./versions";

/** The outbox's name of a registration email's kind. */
export function registrationKind(kind: RegistrationEmailKind): string {
  return `registration.${kind}`;
}

/**
 * A stored draft (of any version) as it leaves, with `practical` in its footer. The check-in QR code is
 * drawn here, not when the email is queued: its PNG takes milliseconds of CPU, which in the registration's
 * transaction made every delegate in a rush wait and held the seat's lock meanwhile, and it follows from
 * the address it encodes anyway.
 */
export async function composeStoredDraft(
  stored: unknown,
  practical: PracticalInfo | null = null,
): Promise<ComposedEmail> {
  const { text, html, attachments } = composeDraft(readDraft(stored), LINK_TOKEN_PLACEHOLDER, practical);
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

/**
 * What the outbox composes a registration email with. The footer's practical information (whom to ask,
 * where to go) is not part of what the email reports, so the draft does not keep it: it is read as the
 * email is composed, and a correction the organizers make reaches the emails still waiting. Drafts keep
 * their shape, and those queued before the footer existed get it too.
 */
async function composeWithPracticalInfo(stored: unknown): Promise<ComposedEmail> {
  return composeStoredDraft(stored, await getPracticalInfo(readDraft(stored).view.meeting.id));
}

// As this module loads (queue.ts imports it): a process that queues these emails can always send them.
for (const kind of registrationEmailKinds) {
  registerEmailKinds([registrationKind(kind)], {
    compose: composeWithPracticalInfo,
    ...(carriesManageLink(kind) && { mintLink: mintManageLink }),
  });
}
