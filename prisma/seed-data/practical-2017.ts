/**
 * The demo meeting's practical information. The venue's postal address and place are Hannover Messe's;
 * the contact person, her email address (example.org) and number are invented, and so are the notes on
 * badges, dress code and interpretation, like the rest of the program.
 */
export const practical2017 = {
  contactName: "Dr. Mara Feld",
  contactEmail: "jahrestreffen2017@example.org",
  contactPhone: "+49 511 555 0142",
  venueAddress: "Messegelände\n30521 Hannover\nDeutschland",
  latitude: 52.3239,
  longitude: 9.8089,
  arrivalDe:
    "Mit der S-Bahn (S 4) bis Hannover Messe/Laatzen, dann über den Skywalk zum Eingang West 1; mit der Stadtbahn U 8 bis Messe/Nord. Vom Flughafen Hannover mit der S 5 zum Hauptbahnhof und dort in die U 8.",
  arrivalEn:
    "By S-Bahn (S 4) to Hannover Messe/Laatzen, then across the Skywalk to entrance West 1; by light rail U 8 to Messe/Nord. From Hannover airport, take the S 5 to the main station and change to the U 8 there.",
  arrivalZh:
    "乘坐城铁 S 4 至 Hannover Messe/Laatzen 站，经空中步道（Skywalk）至西 1 入口；或乘坐轻轨 U 8 至 Messe/Nord 站。从汉诺威机场乘坐 S 5 至中央火车站，换乘 U 8。",
  badgePickupDe:
    "Am 24. April ab 8:00 Uhr am Empfang des Jahrestreffens im Convention Center, Eingang Nord. Bitte den Check-in-Code aus der Bestätigung mitbringen (auf dem Telefon genügt).",
  badgePickupEn:
    "On 24 April from 8:00 at the annual meeting's reception in the Convention Center, north entrance. Please bring the check-in code from your confirmation (on your phone is fine).",
  badgePickupZh:
    "4月24日8:00起，在会议中心（Convention Center）北入口的年会接待处领取。请携带确认邮件中的签到码（手机上出示即可）。",
  dressCodeDe: "Geschäftskleidung; zur Aufnahmezeremonie dunkler Anzug oder Kostüm.",
  dressCodeEn: "Business attire; dark suit for the induction ceremony.",
  dressCodeZh: "商务正装；入盟仪式请着深色西装或套装。",
  interpretationDe:
    "Eröffnung, Podium und Zeremonie werden simultan Deutsch–Chinesisch gedolmetscht; Kopfhörer gibt es am Eingang von Saal 2 gegen das Namensschild. Die Workshops sind auf Englisch, mit Verdolmetschung ins Chinesische.",
  interpretationEn:
    "The opening, the panel and the ceremony have simultaneous German–Chinese interpretation; headsets are handed out at the entrance to Hall 2 against your badge. The workshops are in English, with interpretation into Chinese.",
  interpretationZh:
    "开幕式、圆桌讨论和入盟仪式提供德汉同声传译；凭胸卡在2号厅入口领取耳机。研讨会以英语进行，并提供中文口译。",
};
