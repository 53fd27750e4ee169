/**
 * The 2017 meeting's program. The source gives only the date, the venue and Köln's induction; every
 * other item is an example (the meeting is flagged `exampleProgram`, and the UI says so).
 * Times are wall-clock times in Hannover (Europe/Berlin) on 24 April 2017.
 */
type Text = { de: string; en: string; zh: string };
type Kind = "keynote" | "panel" | "workshop" | "ceremony" | "break" | "networking" | "tour";
type Lang = "de" | "en" | "zh";

export const rooms = [
  {
    slug: "saal-2",
    name: { de: "Saal 2", en: "Hall 2", zh: "2号厅" },
    location: "Convention Center",
    capacity: 400,
  },
  {
    slug: "raum-13",
    name: { de: "Raum 13", en: "Room 13", zh: "13号会议室" },
    location: "Convention Center",
    capacity: 40,
  },
  {
    slug: "raum-15",
    name: { de: "Raum 15", en: "Room 15", zh: "15号会议室" },
    location: "Convention Center",
    capacity: 50,
  },
  {
    slug: "foyer",
    name: { de: "Foyer", en: "Foyer", zh: "前厅" },
    location: "Convention Center",
    capacity: 500,
  },
  {
    slug: "eingang-nord",
    name: { de: "Treffpunkt Eingang Nord 1", en: "Meeting point North 1 entrance", zh: "北1入口集合点" },
    location: "Messegelände",
    capacity: null,
  },
] as const;

export const tracks = [
  { slug: "plenum", name: { de: "Plenum", en: "Plenary", zh: "全体会议" }, color: "#b91c1c" },
  {
    slug: "industrie-4-0",
    name: {
      de: "Industrie 4.0 & Made in China 2025",
      en: "Industrie 4.0 & Made in China 2025",
      zh: "工业4.0与中国制造2025",
    },
    color: "#1d4ed8",
  },
  {
    slug: "staedte",
    name: { de: "Städtekooperation", en: "City cooperation", zh: "城市合作" },
    color: "#047857",
  },
  { slug: "messe", name: { de: "Messe", en: "Fair", zh: "展会" }, color: "#a16207" },
] as const;

export type RoomSlug = (typeof rooms)[number]["slug"];
export type TrackSlug = (typeof tracks)[number]["slug"];

export type SeedSession = {
  slug: string;
  kind: Kind;
  start: string;
  end: string;
  room: RoomSlug;
  track: TrackSlug | null;
  title: Text;
  description?: Text;
  capacity?: number;
  languages: Lang[];
  interpretation: Lang[];
  speakers?: { person: string; role: "speaker" | "moderator" | "host" | "guide" }[];
};

export const sessions: SeedSession[] = [
  {
    slug: "ankunft",
    kind: "networking",
    start: "09:00",
    end: "09:30",
    room: "foyer",
    track: null,
    title: { de: "Ankunft und Begrüßungskaffee", en: "Arrival and welcome coffee", zh: "签到及欢迎咖啡" },
    languages: ["de", "en", "zh"],
    interpretation: [],
  },
  {
    slug: "eroeffnung",
    kind: "keynote",
    start: "09:30",
    end: "10:00",
    room: "saal-2",
    track: "plenum",
    title: { de: "Eröffnung des Jahrestreffens", en: "Opening of the annual meeting", zh: "年会开幕" },
    description: {
      de: "Begrüßung der Delegationen aus den deutschen und chinesischen Mitgliedsstädten.",
      en: "Welcome to the delegations from the German and Chinese member cities.",
      zh: "欢迎来自中德成员城市的代表团。",
    },
    languages: ["de"],
    interpretation: ["zh", "en"],
    speakers: [{ person: "friedhelm-ost", role: "speaker" }],
  },
  {
    slug: "keynote-industrie-4-0",
    kind: "keynote",
    start: "10:00",
    end: "10:45",
    room: "saal-2",
    track: "industrie-4-0",
    title: {
      de: "Industrie 4.0 trifft Made in China 2025",
      en: "Industrie 4.0 meets Made in China 2025",
      zh: "工业4.0对接中国制造2025",
    },
    description: {
      de: "Wie Städte Unternehmen, Branchen und Forschungseinrichtungen beider Länder zusammenbringen.",
      en: "How cities bring together companies, industries and research institutions of both countries.",
      zh: "城市如何将两国的企业、行业和科研机构联系起来。",
    },
    languages: ["de"],
    interpretation: ["zh", "en"],
    speakers: [{ person: "ernst-schwanhold", role: "speaker" }],
  },
  {
    slug: "pause-vormittag",
    kind: "break",
    start: "10:45",
    end: "11:00",
    room: "foyer",
    track: null,
    title: { de: "Kaffeepause", en: "Coffee break", zh: "茶歇" },
    languages: [],
    interpretation: [],
  },
  {
    slug: "aufnahme-koeln",
    kind: "ceremony",
    start: "11:00",
    end: "11:45",
    room: "saal-2",
    track: "plenum",
    title: {
      de: "Feierliche Aufnahme Kölns in die Allianz",
      en: "Ceremony: Cologne joins the alliance",
      zh: "科隆加入联盟仪式",
    },
    description: {
      de: "Die offizielle Aufnahme Kölns in das Netzwerk findet in feierlichem Rahmen beim Jahrestreffen statt.",
      en: "Cologne is formally admitted to the network in a ceremony at the annual meeting.",
      zh: "在年会上隆重举行科隆正式加入联盟的仪式。",
    },
    languages: ["de"],
    interpretation: ["zh", "en"],
    speakers: [
      { person: "ute-berg", role: "speaker" },
      { person: "friedhelm-ost", role: "host" },
      { person: "ernst-schwanhold", role: "speaker" },
    ],
  },
  {
    slug: "panel-staedte",
    kind: "panel",
    start: "11:45",
    end: "12:30",
    room: "saal-2",
    track: "staedte",
    title: {
      de: "Podium: Städte als Motor der deutsch-chinesischen Industriekooperation",
      en: "Panel: cities as engines of Chinese-German industrial cooperation",
      zh: "论坛：城市——中德工业合作的引擎",
    },
    description: {
      de: "Vertreterinnen und Vertreter deutscher und chinesischer Mitgliedsstädte berichten, wie die Allianz bestehende Städtepartnerschaften ergänzt.",
      en: "Representatives of German and Chinese member cities on how the alliance complements existing city twinnings.",
      zh: "中德成员城市代表介绍联盟如何补充现有的友好城市关系。",
    },
    languages: ["de", "zh"],
    interpretation: ["de", "zh", "en"],
    speakers: [{ person: "ernst-schwanhold", role: "moderator" }],
  },
  {
    slug: "mittagessen",
    kind: "networking",
    start: "12:30",
    end: "13:30",
    room: "foyer",
    track: null,
    title: { de: "Mittagessen und Austausch", en: "Lunch and networking", zh: "午餐及交流" },
    languages: ["de", "en", "zh"],
    interpretation: [],
  },
  {
    slug: "workshop-smart-manufacturing",
    kind: "workshop",
    start: "13:30",
    end: "15:00",
    room: "raum-13",
    track: "industrie-4-0",
    capacity: 30,
    title: {
      de: "Workshop: Smarte Fertigung im Mittelstand",
      en: "Workshop: smart manufacturing for mid-sized companies",
      zh: "研讨会：中小企业的智能制造",
    },
    description: {
      de: "Praxisbeispiele aus Mitgliedsstädten; Arbeit in kleinen Gruppen. Begrenzte Plätze, Anmeldung erforderlich.",
      en: "Case studies from member cities, worked through in small groups. Limited seats, registration required.",
      zh: "成员城市的实践案例，分小组讨论。名额有限，需报名。",
    },
    languages: ["en"],
    interpretation: ["zh"],
  },
  {
    slug: "workshop-investitionen",
    kind: "workshop",
    start: "13:30",
    end: "15:00",
    room: "raum-15",
    track: "staedte",
    capacity: 40,
    title: {
      de: "Workshop: Investitionen und Ansiedlung in Partnerstädten",
      en: "Workshop: investment and business settlement in partner cities",
      zh: "研讨会：在伙伴城市投资与落户",
    },
    description: {
      de: "Wirtschaftsförderungen stellen Standorte vor und beantworten Fragen zu Ansiedlung und Förderung.",
      en: "Economic development agencies present their locations and answer questions on settling and funding.",
      zh: "各城市经济促进机构介绍投资环境，并解答落户与扶持政策问题。",
    },
    languages: ["de", "zh"],
    interpretation: ["de", "zh"],
  },
  {
    slug: "messerundgang",
    kind: "tour",
    start: "15:15",
    end: "16:45",
    room: "eingang-nord",
    track: "messe",
    capacity: 20,
    title: {
      de: "Geführter Messerundgang: Industrie 4.0 in der Praxis",
      en: "Guided fair tour: Industrie 4.0 in practice",
      zh: "展会导览：工业4.0实践",
    },
    description: {
      de: "Besuch ausgewählter Aussteller auf der Hannover Messe. Gruppe mit 20 Plätzen, Flüsterdolmetschen Deutsch–Chinesisch.",
      en: "Visits to selected exhibitors at Hannover Messe. Group of 20, whispered German–Chinese interpretation.",
      zh: "参观汉诺威工业博览会的部分展商。限20人，提供德中耳语传译。",
    },
    languages: ["de"],
    interpretation: ["zh"],
  },
  {
    slug: "panel-forschung",
    kind: "panel",
    start: "15:15",
    end: "16:15",
    room: "saal-2",
    track: "industrie-4-0",
    title: {
      de: "Podium: Forschungskooperation zwischen Hochschulen und Industrie",
      en: "Panel: research cooperation between universities and industry",
      zh: "论坛：高校与产业的科研合作",
    },
    languages: ["en"],
    interpretation: ["de", "zh"],
  },
  {
    slug: "abschluss",
    kind: "keynote",
    start: "17:00",
    end: "17:30",
    room: "saal-2",
    track: "plenum",
    title: {
      de: "Abschluss und Ausblick auf 2018",
      en: "Closing and outlook for 2018",
      zh: "闭幕及2018年展望",
    },
    languages: ["de"],
    interpretation: ["zh", "en"],
    speakers: [{ person: "friedhelm-ost", role: "speaker" }],
  },
  {
    slug: "empfang",
    kind: "networking",
    start: "17:30",
    end: "19:00",
    room: "foyer",
    track: null,
    title: { de: "Abendempfang", en: "Evening reception", zh: "晚间招待会" },
    languages: ["de", "en", "zh"],
    interpretation: [],
  },
];
