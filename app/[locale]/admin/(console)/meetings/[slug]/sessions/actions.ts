"use server";

import { revalidatePath } from "next/cache";
import { sessionFields, sessionFormLists, sessionInputFromForm } from "@/app/_lib/agenda/session-fields";
import {
  conflictSentence,
  type ConflictTranslator,
  type ExplainedConflict,
} from "@/app/_lib/agenda/conflict-sentences";
import { adminPaths } from "@/app/_lib/admin-paths";
import { RECORD_ID, SLUG } from "@/app/_lib/ids";
import { messages } from "@/app/_lib/i18n/messages";
import type { AppLocale } from "@/app/_lib/i18n/locales";
import { redirect } from "@/app/_lib/i18n/navigation";
import { createTranslator } from "@/app/_lib/i18n/translator";
import { fieldErrorsOf } from "@/app/_lib/registration/fields";
import { NOTICE_QUIET_MINUTES } from "@/app/_lib/agenda/change-notice";
import type { FormState, FormValues } from "@/app/_lib/form-state";
import { validationMessage } from "@/app/_lib/registration/errors";
import { backOfficeAction, saved } from "@/app/_server/action";
import { findAdminMeeting } from "@/app/_server/agenda/schedule";
import { publishDrafts } from "@/app/_server/agenda/bulk-publish";
import { duplicateSession } from "@/app/_server/agenda/duplicate";
import { createSession, updateSession } from "@/app/_server/agenda/mutations";
import {
  cancelSession,
  deleteSession,
  publishSession,
  unpublishSession,
} from "@/app/_server/agenda/status-mutations";
import { db } from "@/app/_server/db";
import type { NoticeDecision } from "@/app/_server/agenda/change-notices";
import type { NoticeOutcome } from "@/app/_server/registration/emails/session-notice/queue";
import { AppError, invalid, notFound } from "@/app/_server/errors";
import { invalidFormState } from "@/app/_server/forms";

/**
 * The session editor's server actions. Each is wrapped by backOfficeAction (signed in, `editProgram`),
 * and the domain checks the permission again. Meeting and session come as hidden fields.
 */

function translator(locale: AppLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "adminSessions" });
}

function meetingSlugOf(values: FormValues): string {
  const slug = values.meetingSlug;
  if (typeof slug !== "string" || !SLUG.test(slug)) throw notFound("Meeting");
  return slug;
}

function sessionIdOf(values: FormValues): string {
  const id = values.sessionId;
  if (typeof id !== "string" || !RECORD_ID.test(id)) throw notFound("Session");
  return id;
}

/** The back office shows the program on several pages; all of them must show the change. */
function refresh(): void {
  revalidatePath("/", "layout");
}

/** The organizer's choice on telling the delegates, from the change notice's fields (ChangeNoticeChoice). */
function noticeDecision(values: FormValues): NoticeDecision {
  return {
    withhold: values.withholdNotice === "on",
    reason: typeof values.noticeReason === "string" ? values.noticeReason : null,
  };
}

/** The outcome's sentence with what the delegates are told, if anything. */
function withNotices(locale: AppLocale, message: string, notices: NoticeOutcome): string {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "adminSessionNotice" });
  const told = notices.told
    ? t("told", { count: notices.told, minutes: NOTICE_QUIET_MINUTES })
    : notices.withheld
      ? t("withheld")
      : null;
  // Chinese puts no space after its full stop.
  return told ? [message, told].join(locale === "zh" ? "" : " ") : message;
}

/** Conflicts are explained one sentence each, the typed values kept, and "save anyway" offered. */
async function conflictState(
  error: AppError,
  locale: AppLocale,
  meetingSlug: string,
  values: FormValues,
): Promise<FormState> {
  const { timeZone } = await findAdminMeeting(db, meetingSlug);
  const t = translator(locale);
  const say: ConflictTranslator = (key, parameters) => t(`conflicts.${key}`, parameters);
  const notices = (error.details.conflicts as ExplainedConflict[]).map((conflict) =>
    conflictSentence(conflict, say, locale, timeZone),
  );
  return { ok: false, message: validationMessage("conflict", locale), notices, values };
}

/** Creates (no `sessionId`) or updates a session from the editor's form. */
export const saveSession = backOfficeAction(
  "editProgram",
  async ({ actor, locale, values }) => {
    const meetingSlug = meetingSlugOf(values);
    const sessionId = values.sessionId ? sessionIdOf(values) : null;
    const parsed = sessionFields.safeParse(sessionInputFromForm(values));
    if (!parsed.success) return invalidFormState(fieldErrorsOf(parsed.error), locale, values);
    let result;
    try {
      result = sessionId
        ? await updateSession(actor, meetingSlug, sessionId, parsed.data)
        : await createSession(actor, meetingSlug, parsed.data);
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict")
        return conflictState(error, locale, meetingSlug, values);
      throw error;
    }
    refresh();
    if (!sessionId) redirect({ href: adminPaths.session(meetingSlug, result.id), locale });
    const t = translator(locale);
    return saved(
      withNotices(
        locale,
        result.promoted.length
          ? t("editor.savedPromoted", { count: result.promoted.length })
          : t("editor.saved"),
        result.notices,
      ),
    );
  },
  { lists: sessionFormLists },
);

/** Publishes after the conflict check; conflicts come back explained, with the reason field to fill in. */
export const publishSessionAction = backOfficeAction("editProgram", async ({ actor, locale, values }) => {
  const meetingSlug = meetingSlugOf(values);
  const reason = typeof values.reason === "string" ? values.reason : null;
  let change;
  try {
    change = await publishSession(actor, meetingSlug, sessionIdOf(values), {
      reason,
      notice: noticeDecision(values),
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict")
      return conflictState(error, locale, meetingSlug, values);
    throw error;
  }
  refresh();
  const t = translator(locale);
  return saved(
    withNotices(
      locale,
      change.promoted.length
        ? t("status.publishedPromoted", { count: change.promoted.length })
        : t("status.published"),
      change.notices,
    ),
  );
});

/** A draft copy of the session; its editor opens next. */
export const duplicateSessionAction = backOfficeAction("editProgram", async ({ actor, locale, values }) => {
  const meetingSlug = meetingSlugOf(values);
  const copy = await duplicateSession(actor, meetingSlug, sessionIdOf(values));
  refresh();
  return redirect({ href: adminPaths.session(meetingSlug, copy.id), locale });
});

const REASON_FIELD = /^reason-(.+)$/;

/**
 * "Publish selected", "Publish all drafts" and, for the drafts held back by conflicts, "Publish with
 * these reasons". Held-back drafts come back as fields `reason-<id>` whose error explains the conflicts.
 */
export const publishDraftsAction = backOfficeAction(
  "editProgram",
  async ({ actor, locale, values }) => {
    const meetingSlug = meetingSlugOf(values);
    const list = (name: string) => {
      const value = values[name];
      return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
    };
    const scope = values.scope;
    const reasons: Record<string, string> = {};
    for (const [name, value] of Object.entries(values)) {
      const id = REASON_FIELD.exec(name)?.[1];
      if (id && typeof value === "string") reasons[id] = value;
    }
    const result = await publishDrafts(actor, meetingSlug, {
      sessionIds: scope === "all" ? "all" : list(scope === "reasons" ? "heldIds" : "sessionIds"),
      reasons,
    });
    refresh();
    const t = translator(locale);
    const published = t("programTools.published", { count: result.published.length });
    if (result.heldBack.length === 0) return saved(published);
    const { timeZone } = await findAdminMeeting(db, meetingSlug);
    const tc = createTranslator({ locale, messages: messages[locale], namespace: "adminSessions.conflicts" });
    const say: ConflictTranslator = (key, parameters) => tc(key, parameters);
    const fieldErrors: Record<string, string> = {};
    for (const held of result.heldBack)
      fieldErrors[`reason-${held.id}`] = held.conflicts
        .map((conflict) => conflictSentence(conflict, say, locale, timeZone))
        .join(" ");
    return {
      ok: false,
      // Chinese puts no space after its full stop.
      message: [published, t("programTools.heldBack", { count: result.heldBack.length })].join(
        locale === "zh" ? "" : " ",
      ),
      fieldErrors,
      values: { ...values, heldIds: result.heldBack.map((held) => held.id) },
    };
  },
  { lists: ["sessionIds", "heldIds"] },
);

export const unpublishSessionAction = backOfficeAction("editProgram", async ({ actor, locale, values }) => {
  const change = await unpublishSession(
    actor,
    meetingSlugOf(values),
    sessionIdOf(values),
    noticeDecision(values),
  );
  refresh();
  return saved(withNotices(locale, translator(locale)("status.unpublished"), change.notices));
});

export const cancelSessionAction = backOfficeAction("editProgram", async ({ actor, locale, values }) => {
  const change = await cancelSession(
    actor,
    meetingSlugOf(values),
    sessionIdOf(values),
    noticeDecision(values),
  );
  refresh();
  return saved(withNotices(locale, translator(locale)("status.cancelled"), change.notices));
});

/** Needs the confirming checkbox; the domain refuses published and booked sessions. */
export const deleteSessionAction = backOfficeAction("editProgram", async ({ actor, locale, values }) => {
  const meetingSlug = meetingSlugOf(values);
  const sessionId = sessionIdOf(values);
  if (values.confirm !== "on") throw invalid({ confirm: { key: "required" } });
  await deleteSession(actor, meetingSlug, sessionId);
  refresh();
  return redirect({ href: adminPaths.sessions(meetingSlug), locale });
});
