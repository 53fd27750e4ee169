/**
 * Run-of-show of Köln's induction in 2017. The induction and Ute Berg's part in it are facts; the segments,
 * their order and durations are an example. People are named by their seed slugs.
 */
// 45 minutes from 11:00 in Hannover: the durations add up to the ceremony's slot.
export const ceremony = {
  session: "aufnahme-koeln",
  inductees: ["cologne"],
  /**
   * Order of precedence: seated and named in this order. Everyone who has a speaking segment speaks (Ost's
   * welcome, Schwanhold's address, Berg's speech); the two who sign the membership declaration sign.
   */
  officials: [
    { person: "ernst-schwanhold", speaks: true, signs: false },
    { person: "friedhelm-ost", speaks: true, signs: true },
    { person: "ute-berg", speaks: true, signs: true },
  ],
  segments: [
    {
      minutes: 5,
      title: { de: "Begrüßung", en: "Welcome", zh: "致欢迎辞" },
      participants: ["friedhelm-ost"],
    },
    {
      minutes: 8,
      title: { de: "Ansprache für die Allianz", en: "Address on behalf of the alliance", zh: "联盟代表致辞" },
      participants: ["ernst-schwanhold"],
    },
    {
      minutes: 10,
      title: {
        de: "Rede der Stadt Köln",
        en: "Speech on behalf of the City of Cologne",
        zh: "科隆市代表讲话",
      },
      participants: ["ute-berg"],
      description: {
        de: "Ute Berg, Dezernentin für Wirtschaft und Liegenschaften der Stadt Köln.",
        en: "Ute Berg, Head of the Department for Economic Affairs and Real Estate, City of Cologne.",
        zh: "科隆市经济与房地产局局长乌特·贝格。",
      },
    },
    {
      minutes: 7,
      title: {
        de: "Unterzeichnung der Beitrittserklärung",
        en: "Signing of the membership declaration",
        zh: "签署入盟声明",
      },
      participants: ["ute-berg", "friedhelm-ost"],
      internalNotes: "Tisch mit Urkundenmappe und zwei Füllern vorbereiten.",
    },
    {
      minutes: 5,
      title: {
        de: "Übergabe der Mitgliedsurkunde",
        en: "Presentation of the membership certificate",
        zh: "颁发成员证书",
      },
      participants: ["ernst-schwanhold", "ute-berg"],
    },
    {
      minutes: 5,
      title: { de: "Gruppenfoto", en: "Group photo", zh: "集体合影" },
      participants: ["ute-berg", "friedhelm-ost", "ernst-schwanhold"],
      internalNotes: "Vor der Bühnenwand; Delegationsleitungen in der ersten Reihe.",
    },
    {
      minutes: 5,
      title: { de: "Musikalischer Ausklang", en: "Closing music", zh: "闭幕音乐" },
      participants: [],
    },
  ],
} as const;
