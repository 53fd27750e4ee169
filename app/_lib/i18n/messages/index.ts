import type { AppLocale } from "../locales";
import de from "./de.json";
import en from "./en.json";
import zh from "./zh.json";
import adminDe from "./admin/de.json";
import adminEn from "./admin/en.json";
import adminZh from "./admin/zh.json";
import adminAccountsDe from "./adminAccounts/de.json";
import adminAccountsEn from "./adminAccounts/en.json";
import adminAccountsZh from "./adminAccounts/zh.json";
import adminMeetingsDe from "./adminMeetings/de.json";
import adminMeetingsEn from "./adminMeetings/en.json";
import adminMeetingsZh from "./adminMeetings/zh.json";
import adminSessionsDe from "./adminSessions/de.json";
import adminSessionsEn from "./adminSessions/en.json";
import adminSessionsZh from "./adminSessions/zh.json";
import adminCeremonyDe from "./adminCeremony/de.json";
import adminCeremonyEn from "./adminCeremony/en.json";
import adminCeremonyZh from "./adminCeremony/zh.json";
import adminRegistrationsDe from "./adminRegistrations/de.json";
import adminRegistrationsEn from "./adminRegistrations/en.json";
import adminRegistrationsZh from "./adminRegistrations/zh.json";
import adminOnSiteDe from "./adminOnSite/de.json";
import adminOnSiteEn from "./adminOnSite/en.json";
import adminOnSiteZh from "./adminOnSite/zh.json";
import adminNumbersDe from "./adminNumbers/de.json";
import adminNumbersEn from "./adminNumbers/en.json";
import adminNumbersZh from "./adminNumbers/zh.json";
import adminOwnAccountDe from "./adminOwnAccount/de.json";
import adminOwnAccountEn from "./adminOwnAccount/en.json";
import adminOwnAccountZh from "./adminOwnAccount/zh.json";
import adminTwoFactorDe from "./adminTwoFactor/de.json";
import adminTwoFactorEn from "./adminTwoFactor/en.json";
import adminTwoFactorZh from "./adminTwoFactor/zh.json";
import adminCitiesDe from "./adminCities/de.json";
import adminCitiesEn from "./adminCities/en.json";
import adminCitiesZh from "./adminCities/zh.json";
import practicalInfoDe from "./practicalInfo/de.json";
import practicalInfoEn from "./practicalInfo/en.json";
import practicalInfoZh from "./practicalInfo/zh.json";
import sessionNoticeDe from "./sessionNotice/de.json";
import sessionNoticeEn from "./sessionNotice/en.json";
import sessionNoticeZh from "./sessionNotice/zh.json";
import adminSessionNoticeDe from "./adminSessionNotice/de.json";
import adminSessionNoticeEn from "./adminSessionNotice/en.json";
import adminSessionNoticeZh from "./adminSessionNotice/zh.json";
import adminMessagesDe from "./adminMessages/de.json";
import adminMessagesEn from "./adminMessages/en.json";
import adminMessagesZh from "./adminMessages/zh.json";
import publicFormsDe from "./publicForms/de.json";
import publicFormsEn from "./publicForms/en.json";
import publicFormsZh from "./publicForms/zh.json";
import cityFinderDe from "./cityFinder/de.json";
import cityFinderEn from "./cityFinder/en.json";
import cityFinderZh from "./cityFinder/zh.json";
import cityGroupsDe from "./cityGroups/de.json";
import cityGroupsEn from "./cityGroups/en.json";
import cityGroupsZh from "./cityGroups/zh.json";
import visaDe from "./visa/de.json";
import visaEn from "./visa/en.json";
import visaZh from "./visa/zh.json";
import adminVisaDe from "./adminVisa/de.json";
import adminVisaEn from "./adminVisa/en.json";
import adminVisaZh from "./adminVisa/zh.json";
import adminLiveDe from "./adminLive/de.json";
import adminLiveEn from "./adminLive/en.json";
import adminLiveZh from "./adminLive/zh.json";
import liveDe from "./live/de.json";
import liveEn from "./live/en.json";
import liveZh from "./live/zh.json";
import adminLiveViewsDe from "./adminLiveViews/de.json";
import adminLiveViewsEn from "./adminLiveViews/en.json";
import adminLiveViewsZh from "./adminLiveViews/zh.json";

/**
 * The public site's strings live in one file per language; the back office's in one folder per area,
 * so that each area's strings sit together and stay small.
 */
const germanMessages = {
  ...de,
  admin: adminDe,
  adminAccounts: adminAccountsDe,
  adminMeetings: adminMeetingsDe,
  adminSessions: adminSessionsDe,
  adminCeremony: adminCeremonyDe,
  adminRegistrations: adminRegistrationsDe,
  adminOnSite: adminOnSiteDe,
  adminNumbers: adminNumbersDe,
  adminOwnAccount: adminOwnAccountDe,
  adminTwoFactor: adminTwoFactorDe,
  adminCities: adminCitiesDe,
  practicalInfo: practicalInfoDe,
  sessionNotice: sessionNoticeDe,
  adminSessionNotice: adminSessionNoticeDe,
  adminMessages: adminMessagesDe,
  publicForms: publicFormsDe,
  cityFinder: cityFinderDe,
  cityGroups: cityGroupsDe,
  visa: visaDe,
  adminVisa: adminVisaDe,
  adminLive: adminLiveDe,
  live: liveDe,
  adminLiveViews: adminLiveViewsDe,
};

/** German is the reference: the other languages must have exactly its keys (a test checks it). */
export type Messages = typeof germanMessages;

export const messages: Record<AppLocale, Messages> = {
  de: germanMessages,
  en: {
    ...en,
    admin: adminEn,
    adminAccounts: adminAccountsEn,
    adminMeetings: adminMeetingsEn,
    adminSessions: adminSessionsEn,
    adminCeremony: adminCeremonyEn,
    adminRegistrations: adminRegistrationsEn,
    adminOnSite: adminOnSiteEn,
    adminNumbers: adminNumbersEn,
    adminOwnAccount: adminOwnAccountEn,
    adminTwoFactor: adminTwoFactorEn,
    adminCities: adminCitiesEn,
    practicalInfo: practicalInfoEn,
    sessionNotice: sessionNoticeEn,
    adminSessionNotice: adminSessionNoticeEn,
    adminMessages: adminMessagesEn,
    publicForms: publicFormsEn,
    cityFinder: cityFinderEn,
    cityGroups: cityGroupsEn,
    visa: visaEn,
    adminVisa: adminVisaEn,
    adminLive: adminLiveEn,
    live: liveEn,
    adminLiveViews: adminLiveViewsEn,
  },
  zh: {
    ...zh,
    admin: adminZh,
    adminAccounts: adminAccountsZh,
    adminMeetings: adminMeetingsZh,
    adminSessions: adminSessionsZh,
    adminCeremony: adminCeremonyZh,
    adminRegistrations: adminRegistrationsZh,
    adminOnSite: adminOnSiteZh,
    adminNumbers: adminNumbersZh,
    adminOwnAccount: adminOwnAccountZh,
    adminTwoFactor: adminTwoFactorZh,
    adminCities: adminCitiesZh,
    practicalInfo: practicalInfoZh,
    sessionNotice: sessionNoticeZh,
    adminSessionNotice: adminSessionNoticeZh,
    adminMessages: adminMessagesZh,
    publicForms: publicFormsZh,
    cityFinder: cityFinderZh,
    cityGroups: cityGroupsZh,
    visa: visaZh,
    adminVisa: adminVisaZh,
    adminLive: adminLiveZh,
    live: liveZh,
    adminLiveViews: adminLiveViewsZh,
  },
};

/** The back office's namespaces: sent to the browser only on its pages (app/[locale]/admin/layout.tsx). */
type BackOfficeNamespace =
  | "admin"
  | "adminAccounts"
  | "adminMeetings"
  | "adminSessions"
  | "adminCeremony"
  | "adminRegistrations"
  | "adminOnSite"
  | "adminNumbers"
  | "adminOwnAccount"
  | "adminTwoFactor"
  | "adminCities"
  | "adminSessionNotice"
  | "adminMessages"
  | "adminVisa"
  | "adminLive"
  | "adminLiveViews";

/** A namespace of the public site's strings. */
export type PublicNamespace = Exclude<keyof Messages, BackOfficeNamespace>;

/**
 * The namespaces the public site's client components read with `useTranslations`: only the registration forms
 * (app/_components/registration/*) do. The public layout hands the browser none, because every string in the
 * provider is serialized into every page; the pages with these forms hand over just these.
 */
export const registrationFormNamespaces = [
  "register",
  "manage",
  "lostLink",
  "calendar",
  "roles",
  "publicForms",
  "cityFinder",
  "visa",
] as const satisfies readonly PublicNamespace[];

/** The namespaces of the live show's public views: the confidence monitor and the "live now" notice. */
export const liveNamespaces = ["live"] as const satisfies readonly PublicNamespace[];

/** Only the given namespaces of a language's strings, for a `NextIntlClientProvider`. */
export function pickMessages<N extends PublicNamespace>(
  all: Messages,
  namespaces: readonly N[],
): Pick<Messages, N> {
  const picked: Partial<Pick<Messages, N>> = {};
  for (const namespace of namespaces) picked[namespace] = all[namespace];
  return picked as Pick<Messages, N>;
}
