import "server-only";
import { registerEmailKinds, type ComposedEmail } from "../../mail/kinds";
import { LINK_TOKEN_PLACEHOLDER } from "../../mail/links";
import type { Attachment } from "../../mail/outbox";
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
 * A stored draft (of any version) as it leaves. The check-in QR code is drawn here, not when the email is
 * queued: its PNG takes milliseconds of CPU, which in the registration's transaction made every delegate
 * in a rush wait and held the seat's lock meanwhile, and it follows from the address it encodes anyway.
 */
export async function composeStoredDraft(stored: unknown): Promise<ComposedEmail> {
  const { text, html, attachments } = composeDraft(readDraft(stored), LINK_TOKEN_PLACEHOLDER);
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
    compose: composeStoredDraft,
    ...(carriesManageLink(kind) && { mintLink: mintManageLink }),
  });
}
