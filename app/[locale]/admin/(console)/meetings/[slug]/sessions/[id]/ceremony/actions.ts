"use server";

import { refresh, revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { moveById, type Direction } from "@/app/_lib/ceremony-order";
import type { FormValues } from "@/app/_lib/form-state";
import { htmlLang } from "@/app/_lib/i18n/locales";
import { pick } from "@/app/_lib/i18n/localized";
import { backOfficeAction, saved } from "@/app/_server/action";
import { markCeremonyHeld, markCeremonyNotHeld } from "@/app/_server/ceremonies/induction";
import { saveLateNotice } from "@/app/_server/ceremonies/live-commands";
import { createMonitorToken, monitorUrl, revokeMonitorToken } from "@/app/_server/ceremonies/monitor-tokens";
import { invalid } from "@/app/_server/errors";
import {
  createSegment,
  deleteSegment,
  moveSegment,
  reorderSegments,
  restoreSegment,
  saveInductees,
  saveOfficials,
  updateSegment,
  type CeremonyRef,
} from "@/app/_server/ceremonies/mutations";

/** The ceremony editor's forms. The ceremony comes in hidden fields; the domain checks it and the role. */

function list(values: FormValues, name: string): string[] {
  const value = values[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function text(values: FormValues, name: string): string {
  const value = values[name];
  return typeof value === "string" ? value : "";
}

function ceremonyOf(values: FormValues): CeremonyRef {
  return { meetingSlug: text(values, "meetingSlug"), sessionId: text(values, "sessionId") };
}

const segmentFields = [
  "durationMinutes",
  "titleDe",
  "titleEn",
  "titleZh",
  "descriptionDe",
  "descriptionEn",
  "descriptionZh",
  "internalNotes",
] as const;

/** Adds a segment, or saves one when the form names it. */
export const saveSegmentAction = backOfficeAction(
  "editProgram",
  async ({ actor, values }) => {
    const t = await getTranslations("adminCeremony.segment");
    const input = {
      ...Object.fromEntries(segmentFields.map((field) => [field, text(values, field)])),
      participantIds: list(values, "participantIds"),
    };
    const segmentId = text(values, "segmentId");
    if (segmentId) await updateSegment(actor, ceremonyOf(values), segmentId, input);
    else await createSegment(actor, ceremonyOf(values), input);
    refresh();
    // A new segment's form starts empty again; an edited one shows the saved data.
    return saved(t(segmentId ? "saved" : "created"));
  },
  { lists: ["participantIds"] },
);

/** Needs the tick box that names the segment; the editor then offers to undo. */
export const deleteSegmentAction = backOfficeAction("editProgram", async ({ actor, values }) => {
  const t = await getTranslations("adminCeremony.segment");
  const segmentId = text(values, "segmentId");
  if (!segmentId || values.confirm !== segmentId) throw invalid({ confirm: { key: "required" } });
  await deleteSegment(actor, ceremonyOf(values), segmentId);
  refresh();
  return saved(t("deleted"));
});

/** Undo of a deletion: the segment comes back at its place, as it was. */
export const restoreSegmentAction = backOfficeAction("editProgram", async ({ actor, values }) => {
  const t = await getTranslations("adminCeremony.segment");
  await restoreSegment(actor, ceremonyOf(values), text(values, "segmentId"));
  refresh();
  return saved(t("restored"));
});

/** Up or down by one: the keyboard's way, and what the buttons do without JavaScript. */
export const moveSegmentAction = backOfficeAction("editProgram", async ({ actor, values }) => {
  const t = await getTranslations("adminCeremony.runOfShow");
  const direction: Direction = text(values, "direction") === "up" ? "up" : "down";
  await moveSegment(actor, ceremonyOf(values), text(values, "segmentId"), direction);
  refresh();
  return saved(t("orderSaved"));
});

/** The complete new order after a drag or a move in the browser. */
export const reorderSegmentsAction = backOfficeAction(
  "editProgram",
  async ({ actor, values }) => {
    const t = await getTranslations("adminCeremony.runOfShow");
    await reorderSegments(actor, ceremonyOf(values), list(values, "segmentIds"));
    refresh();
    return saved(t("orderSaved"));
  },
  { lists: ["segmentIds"] },
);

export const saveInducteesAction = backOfficeAction(
  "editProgram",
  async ({ actor, values }) => {
    const t = await getTranslations("adminCeremony.inductees");
    await saveInductees(actor, ceremonyOf(values), list(values, "cityIds"));
    refresh();
    return saved(t("saved"));
  },
  { lists: ["cityIds"] },
);

/**
 * The order of precedence as the form lists it, with the change a button asked for applied first
 * ("add", "up:<id>", "down:<id>", "remove:<id>"): without JavaScript every button saves at once; with it,
 * the page changes the list locally and sends it with the save button.
 */
export const saveOfficialsAction = backOfficeAction(
  "editProgram",
  async ({ actor, values }) => {
    const t = await getTranslations("adminCeremony.officials");
    const speaks = new Set(list(values, "speaks"));
    const signs = new Set(list(values, "signs"));
    let officials = list(values, "personIds").map((personId) => ({
      personId,
      speaks: speaks.has(personId),
      signs: signs.has(personId),
    }));
    const [intent, personId = ""] = text(values, "intent").split(":");
    const added = text(values, "addPersonId");
    if (intent === "add" && added && !officials.some((official) => official.personId === added)) {
      officials = [...officials, { personId: added, speaks: false, signs: false }];
    } else if (intent === "up" || intent === "down") {
      officials = moveById(officials, (official) => official.personId, personId, intent);
    } else if (intent === "remove") {
      officials = officials.filter((official) => official.personId !== personId);
    }
    await saveOfficials(actor, ceremonyOf(values), officials);
    refresh();
    return saved(t("saved"));
  },
  { lists: ["personIds", "speaks", "signs"] },
);

/**
 * Marks the ceremony as held (its inductees become members) or, with intent "unmark", takes that back.
 * A refusal (not published, not begun, …) is a sentence in the form, with nothing changed.
 */
export const markHeldAction = backOfficeAction("editProgram", async ({ actor, locale, values }) => {
  const t = await getTranslations("adminCities.held");
  const unmark = text(values, "intent") === "unmark";
  const outcome = unmark
    ? await markCeremonyNotHeld(actor, ceremonyOf(values))
    : await markCeremonyHeld(actor, ceremonyOf(values));
  if (!outcome.ok) {
    const cities = new Intl.ListFormat(htmlLang[locale], { type: "conjunction" }).format(
      (outcome.cities ?? []).map((name) => pick(name, locale)),
    );
    return { ok: false, message: t(`refusals.${outcome.refusal}`, { cities }) };
  }
  // Cities changed standing: the public city lists, meeting pages and the API show it.
  revalidatePath("/", "layout");
  refresh();
  return saved(t(unmark ? "unmarked" : "marked", { count: outcome.cities }));
});

/** The drift from which the public pages say that the ceremony runs late. */
export const saveLateNoticeAction = backOfficeAction("editProgram", async ({ actor, values }) => {
  const t = await getTranslations("adminLive.lateNotice");
  await saveLateNotice(actor, ceremonyOf(values), text(values, "lateNoticeMinutes"));
  refresh();
  return saved(t("saved"), { lateNoticeMinutes: text(values, "lateNoticeMinutes") });
});

/** A new monitor link: its address goes back to the form this once (only its hash is stored). */
export const createMonitorLinkAction = backOfficeAction("editProgram", async ({ actor, locale, values }) => {
  const t = await getTranslations("adminLive.monitor");
  const { token } = await createMonitorToken(actor, ceremonyOf(values), text(values, "label"));
  refresh();
  return saved(t("created"), { link: monitorUrl(token, locale) });
});

export const revokeMonitorLinkAction = backOfficeAction("editProgram", async ({ actor, values }) => {
  const t = await getTranslations("adminLive.monitor");
  await revokeMonitorToken(actor, ceremonyOf(values), text(values, "tokenId"));
  refresh();
  return saved(t("revokedDone"));
});
