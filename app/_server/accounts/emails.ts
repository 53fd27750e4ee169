import "server-only";
import { htmlLang, type AppLocale } from "@/app/_lib/i18n/locales";
import { messages } from "@/app/_lib/i18n/messages";
import { createTranslator } from "@/app/_lib/i18n/translator";
import type { UserRole } from "@/app/_lib/roles";
import type { Prisma } from "../db";
import { escapeHtml } from "../mail/html";
import { registerEmailKinds } from "../mail/kinds";
import { LINK_TOKEN_PLACEHOLDER } from "../mail/links";
import { queueEmail } from "../mail/outbox";
import { accountEmailKind, mintPasswordLink } from "./password-links";
import { passwordLinkUrl, type UserTokenPurpose } from "./tokens";

// Here, where these emails are queued: a process that queues one can always send it.
registerEmailKinds(Object.values(accountEmailKind), { mintLink: mintPasswordLink });

export type AccountEmail = {
  purpose: UserTokenPurpose;
  to: string;
  name: string;
  role: UserRole;
  /** Who invited or reset: named in the email, so the recipient knows whom to ask. */
  by: string;
  locale: AppLocale;
};

/**
 * Queues the invitation or reset email in the caller's transaction. Its set-password link holds a
 * placeholder: the token is minted when the email leaves, and only if the invitation or reset still
 * stands then (password-links.ts), so that a copy of the outbox opens no account.
 */
export async function queueAccountEmail(tx: Prisma.TransactionClient, email: AccountEmail): Promise<void> {
  await queueEmail(tx, {
    registrationId: null,
    kind: accountEmailKind[email.purpose],
    to: email.to,
    withManageLink: true,
    ...composeAccountEmail({ ...email, link: passwordLinkUrl(email.locale, LINK_TOKEN_PLACEHOLDER) }),
  });
}

export function composeAccountEmail(email: AccountEmail & { link: string }): {
  subject: string;
  text: string;
  html: string;
} {
  const t = createTranslator({
    locale: email.locale,
    messages: messages[email.locale],
    namespace: "adminAccounts.email",
  });
  const role = messages[email.locale].admin.roles[email.role];
  const subject = t(`${email.purpose}.subject`);
  const paragraphs = [
    t("greeting", { name: email.name }),
    t(`${email.purpose}.intro`, { by: email.by, role }),
    t("action"),
  ];
  const after = [t(`${email.purpose}.expiry`), t("ignore")];
  // The Chinese closing takes two lines ("此致", then "敬礼").
  const closing = [...t("closing").split("\n"), t("signature")];
  const text = `${[...paragraphs, email.link, ...after, closing.join("\n")].join("\n\n")}\n`;
  const e = escapeHtml;
  const html = [
    "<!DOCTYPE html>",
    `<html lang="${htmlLang[email.locale]}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${e(subject)}</title></head>`,
    `<body style="margin:0;padding:24px;background:#ffffff;color:#1f2937;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5">`,
    ...paragraphs.map((paragraph) => `<p>${e(paragraph)}</p>`),
    `<p><a href="${e(email.link)}">${e(email.link)}</a></p>`,
    ...after.map((paragraph) => `<p>${e(paragraph)}</p>`),
    `<p>${closing.map(e).join("<br>")}</p>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
  return { subject, text, html };
}
