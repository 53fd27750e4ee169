import "server-only";
import { DateTime } from "luxon";
import { translationsOf, pick, type Translations } from "@/app/_lib/i18n/localized";
import { isLocale, type AppLocale } from "@/app/_lib/i18n/locales";
import { messages } from "@/app/_lib/i18n/messages";
import { createTranslator } from "@/app/_lib/i18n/translator";
import { SLUG } from "@/app/_lib/ids";
import { placeName } from "@/app/_lib/places";
import { displayName, latinName, type NamedPerson } from "@/app/_lib/names";
import {
  letterTemplate,
  MAX_TEMPLATE_LENGTH,
  renderLetter,
  unknownPlaceholders,
  visaLetterPlaceholders,
  type LetterData,
} from "@/app/_lib/visa-letter";
import { defaultVisaLetters } from "@/app/_lib/visa-letter-defaults";
import { visaLetterStatus, type VisaDetails, type VisaLetterStatus } from "@/app/_lib/registration/visa";
import { recordAudit } from "../audit/record";
import { authorize, type Actor } from "../authz";
import { db } from "../db";
import { invalid, notFound } from "../errors";
import { UndecryptableError } from "../security/field-cipher";
import { ACTIVE_REGISTRATION } from "../meetings/admin-queries";
import { cityNameSelect, delegateIdentitySelect, viewMeetingSelect } from "../registration/view";
import { openVisaDetails } from "../registration/visa-data";

/**
 * Visa invitation letters: the organizers' template per language (null: the built-in letter), and the
 * letters themselves for every active registration that asked for one.
 */

const templateColumn = {
  de: "visaLetterDe",
  en: "visaLetterEn",
  zh: "visaLetterZh",
} as const satisfies Record<AppLocale, string>;

const meetingSelect = {
  ...viewMeetingSelect,
  endsOn: true,
  venueName: true,
  venueCity: true,
  venueCountry: true,
  visaLetterDe: true,
  visaLetterEn: true,
  visaLetterZh: true,
  visaLetterDays: true,
} as const;

const delegateSelect = {
  id: true,
  status: true,
  ...delegateIdentitySelect,
  cityOther: true,
  city: { select: cityNameSelect },
  visaData: true,
  visaRequestedAt: true,
  visaIssuedOn: true,
  visaSentOn: true,
} as const;

export type VisaDelegate = NamedPerson & {
  id: string;
  status: "pending" | "confirmed";
  city: Translations | null;
  cityOther: string | null;
  /** The letter's course; days as yyyy-MM-dd. */
  letter: {
    status: VisaLetterStatus;
    requestedAt: string | null;
    issuedOn: string | null;
    sentOn: string | null;
  };
  /** The passport details; null where none were given, "unreadable" where their key is gone. */
  details: VisaDetails | null | "unreadable";
};

export type VisaLetterDesk = {
  meeting: { id: string; slug: string; title: Translations; timeZone: string; visaLetterDays: number };
  /** The organizers' templates; null where the built-in letter applies. */
  templates: Record<AppLocale, string | null>;
  delegates: VisaDelegate[];
};

async function findMeeting(meetingSlug: string) {
  const meeting = SLUG.test(meetingSlug)
    ? await db.meeting.findUnique({ where: { slug: meetingSlug }, select: meetingSelect })
    : null;
  if (!meeting) throw notFound("Meeting");
  return meeting;
}

/** Active registrations that asked for a letter, by family name; `ids` narrows them. */
function requested(meetingId: string, ids?: string[]) {
  return db.registration.findMany({
    where: {
      meetingId,
      visaLetter: true,
      status: { in: [...ACTIVE_REGISTRATION] },
      ...(ids && { id: { in: ids } }),
    },
    select: delegateSelect,
    orderBy: [{ familyName: "asc" }, { givenName: "asc" }, { id: "asc" }],
  });
}

type DelegateRow = Awaited<ReturnType<typeof requested>>[number];

function asNamed(row: DelegateRow): NamedPerson {
  return {
    givenName: row.givenName,
    familyName: row.familyName,
    nativeName: row.nativeName,
    nameOrder: row.nameOrder,
  };
}

/** The visa-letter page: the templates and who asked for a letter. Organizers only. */
export async function getVisaLetterDesk(actor: Actor | null, meetingSlug: string): Promise<VisaLetterDesk> {
  authorize(actor, "handleVisaLetters");
  const meeting = await findMeeting(meetingSlug);
  const rows = await requested(meeting.id);
  return {
    meeting: {
      id: meeting.id,
      slug: meeting.slug,
      title: translationsOf(meeting, "title"),
      timeZone: meeting.timeZone,
      visaLetterDays: meeting.visaLetterDays,
    },
    templates: { de: meeting.visaLetterDe, en: meeting.visaLetterEn, zh: meeting.visaLetterZh },
    delegates: await Promise.all(
      rows.map(async (row) => ({
        ...asNamed(row),
        id: row.id,
        status: row.status as VisaDelegate["status"],
        city: row.city ? translationsOf(row.city, "name") : null,
        cityOther: row.cityOther,
        letter: {
          status: visaLetterStatus({ issuedOn: row.visaIssuedOn, sentOn: row.visaSentOn }),
          requestedAt: row.visaRequestedAt?.toISOString() ?? null,
          issuedOn: row.visaIssuedOn?.toISOString().slice(0, 10) ?? null,
          sentOn: row.visaSentOn?.toISOString().slice(0, 10) ?? null,
        },
        details: await detailsOf(row),
      })),
    ),
  };
}

/** The row's passport details; "unreadable" (said on the page, never thrown) when its key is gone. */
async function detailsOf(row: {
  id: string;
  visaData: string | null;
}): Promise<VisaDetails | null | "unreadable"> {
  if (!row.visaData) return null;
  try {
    return await openVisaDetails(row.visaData, row.id);
  } catch (error) {
    if (error instanceof UndecryptableError) return "unreadable";
    throw error;
  }
}

/**
 * Saves the template of one language; an empty text, or the built-in letter itself, stores null so
 * that the built-in letter applies (and later improvements to it reach this meeting). Refuses
 * placeholders the letter cannot fill. Audited as "meeting.visaLetter"; saving the same text again
 * changes nothing and records nothing.
 */
export async function saveVisaLetterTemplate(
  actor: Actor | null,
  meetingSlug: string,
  lang: string,
  text: string | null,
): Promise<void> {
  authorize(actor, "handleVisaLetters");
  if (!isLocale(lang)) throw invalid({ lang: { key: "invalidChoice" } });
  const cleaned = (text ?? "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .trim();
  if (cleaned.length > MAX_TEMPLATE_LENGTH)
    throw invalid({ template: { key: "tooLong", values: { max: MAX_TEMPLATE_LENGTH } } });
  const unknown = unknownPlaceholders(cleaned);
  if (unknown.length > 0)
    throw invalid({
      template: {
        key: "unknownPlaceholders",
        values: { names: unknown.map((name) => `{${name}}`).join(", ") },
      },
    });
  const template = cleaned === "" || cleaned === defaultVisaLetters[lang].trim() ? null : cleaned;
  const column = templateColumn[lang];
  await db.$transaction(async (tx) => {
    const meeting = SLUG.test(meetingSlug)
      ? await tx.meeting.findUnique({
          where: { slug: meetingSlug },
          select: { id: true, visaLetterDe: true, visaLetterEn: true, visaLetterZh: true },
        })
      : null;
    if (!meeting) throw notFound("Meeting");
    const before = meeting[column];
    if (before === template) return;
    const data = {
      de: { visaLetterDe: template },
      en: { visaLetterEn: template },
      zh: { visaLetterZh: template },
    }[lang];
    await tx.meeting.update({ where: { id: meeting.id }, data });
    await recordAudit(tx, actor, {
      action: "meeting.visaLetter",
      entity: "Meeting",
      entityId: meeting.id,
      meetingId: meeting.id,
      before: { lang, template: before },
      after: { lang, template },
    });
  });
}

/** Locale tags for letters: British English is what German missions write in English. */
const letterLocale: Record<AppLocale, string> = { de: "de-DE", en: "en-GB", zh: "zh-CN" };

export type VisaLetter = { id: string; name: string; text: string };

export type VisaLetterPrint = {
  lang: AppLocale;
  /** "Hannover, 1 March 2017": the place and date above the letter. */
  placeAndDate: string;
  letters: VisaLetter[];
};

/**
 * The letters in `lang`, for the given registrations or (no ids) everyone who asked, each filled with
 * the delegate's and the meeting's data. Dated today in the meeting's zone. Organizers only.
 */
export async function visaLetters(
  actor: Actor | null,
  meetingSlug: string,
  lang: AppLocale,
  ids?: string[],
  now = new Date(),
): Promise<VisaLetterPrint> {
  authorize(actor, "handleVisaLetters");
  const meeting = await findMeeting(meetingSlug);
  const [rows, alliance] = await Promise.all([
    requested(meeting.id, ids),
    db.alliance.findUnique({ where: { id: 1 }, select: { nameDe: true, nameEn: true, nameZh: true } }),
  ]);
  const t = createTranslator({ locale: lang, messages: messages[lang] });
  const dateFormat = new Intl.DateTimeFormat(letterLocale[lang], {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const today = dateFormat.format(
    new Date(`${DateTime.fromJSDate(now).setZone(meeting.timeZone).toISODate()}T00:00:00Z`),
  );
  const template = letterTemplate(meeting[templateColumn[lang]], lang);
  const common = {
    meetingTitle: pick(translationsOf(meeting, "title"), lang),
    meetingDates: dateFormat.formatRange(meeting.startsOn, meeting.endsOn),
    venue: [meeting.venueName, meeting.venueCity, t(`countries.${meeting.venueCountry}`)]
      .filter(Boolean)
      .join(lang === "zh" ? "，" : ", "),
    today,
    alliance: alliance ? pick(translationsOf(alliance, "name"), lang) : "",
  };
  return {
    lang,
    placeAndDate: t("adminRegistrations.visa.letterParts.place", { city: meeting.venueCity, date: today }),
    letters: await Promise.all(
      rows.map(async (row) => {
        const person = asNamed(row);
        const details = await detailsOf(row);
        const name = displayName(person, lang);
        const data: LetterData = {
          ...common,
          fullName: name.secondary
            ? lang === "zh"
              ? `${name.primary}（${name.secondary}）`
              : `${name.primary} (${name.secondary})`
            : name.primary,
          delegateName: latinName(person),
          nativeName: row.nativeName ?? "",
          honorific: row.honorific ?? "",
          position: row.position ?? "",
          organization: row.organization ?? "",
          city: placeName(row, lang),
          country: row.city ? t(`countries.${row.city.country}`) : "",
          ...visaLetterPlaceholders(typeof details === "object" ? details : null, lang, dateFormat),
        };
        return { id: row.id, name: data.fullName, text: renderLetter(template, data) };
      }),
    ),
  };
}
