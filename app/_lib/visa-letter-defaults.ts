import type { AppLocale } from "./i18n/locales";

/**
 * The built-in invitation letters, used where the organizers have not written their own. Addressed to
 * the German mission that decides on a Schengen visa; the Chinese one also serves delegates whose own
 * administration asks for the invitation before approving an official trip abroad. Lines whose
 * placeholders are all empty disappear (renderLetter), so optional data sits on lines of its own.
 */
export const defaultVisaLetters: Record<AppLocale, string> = {
  de: `An die Botschaft bzw. das Generalkonsulat
der Bundesrepublik Deutschland
– Visastelle –

Einladung: {meetingTitle}

Sehr geehrte Damen und Herren,

die {alliance} lädt hiermit

{honorific} {fullName}
geboren am {birthDate}, Staatsangehörigkeit: {nationality}
Reisepass Nr. {passportNumber}, gültig bis {passportExpiry}
{position}
{organization}
{city}, {country}

zur Teilnahme an ihrem Jahrestreffen ein:

Veranstaltung: {meetingTitle}
Datum: {meetingDates}
Ort: {venue}
Geplanter Aufenthalt: {arrivalDate} bis {departureDate}

Das Jahrestreffen bringt Vertreterinnen und Vertreter der deutschen und chinesischen Mitgliedsstädte zusammen, um die Zusammenarbeit in Wirtschaft, Handel, Wissenschaft und Forschung zu vertiefen. {fullName} ist für das Treffen angemeldet; die Teilnahme ist für den Austausch zwischen den Mitgliedsstädten von großer Bedeutung.

Wir bitten Sie, ein Schengen-Visum für die Dauer des Treffens einschließlich der erforderlichen Reisetage zu erteilen. Die Kosten für Reise, Unterkunft und Aufenthalt trägt die entsendende Stelle.

Für Rückfragen stehen wir Ihnen gern zur Verfügung.

Mit freundlichen Grüßen`,

  en: `To the Embassy or Consulate General
of the Federal Republic of Germany
Visa Section

Letter of invitation: {meetingTitle}

Dear Sir or Madam,

The {alliance} hereby invites

{honorific} {fullName}
born {birthDate}, nationality: {nationality}
passport no. {passportNumber}, valid until {passportExpiry}
{position}
{organization}
{city}, {country}

to attend its annual meeting:

Event: {meetingTitle}
Date: {meetingDates}
Venue: {venue}
Planned stay: {arrivalDate} to {departureDate}

The annual meeting brings together representatives of the German and Chinese member cities to deepen their cooperation in business, trade, science and research. {fullName} is registered for the meeting, and their attendance is of great importance to the exchange between our member cities.

We kindly request that you issue a Schengen visa covering the duration of the meeting and the days required for travel. The costs of travel, accommodation and subsistence will be borne by the sending organization.

Should you require any further information, please do not hesitate to contact us.

Yours faithfully`,

  zh: `致德意志联邦共和国驻华大使馆/总领事馆
签证处

关于{meetingTitle}的邀请函

尊敬的女士/先生：

{alliance}诚挚邀请

{honorific} {fullName}
出生日期：{birthDate}，国籍：{nationality}
护照号码：{passportNumber}，有效期至{passportExpiry}
{position}
{organization}
{city}，{country}

出席联盟年会：

会议名称：{meetingTitle}
会议日期：{meetingDates}
会议地点：{venue}
计划行程：{arrivalDate}至{departureDate}

年会汇聚中德两国成员城市的代表，旨在深化双方在经济、贸易、科学和研究领域的合作。{fullName}已报名参会，其出席对成员城市之间的交流具有重要意义。

恳请贵馆为其签发涵盖会议期间及必要旅行日期的申根签证。往返旅费、住宿及在德期间的生活费用由派出单位承担。

如需进一步信息，敬请与我们联系。

此致
敬礼`,
};
