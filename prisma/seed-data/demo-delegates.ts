/**
 * Invented delegates of the 2017 meeting for the embedded demo, so that the registration desk, the
 * delegation view, check-in, badges and the dashboard have something to show. None of these people
 * exist; the addresses use reserved example domains. Built from a few lists rather than written out,
 * so that every member city sends a delegation of the same plausible shape.
 */

type Language = "de" | "en" | "zh";
type Role = "head_of_delegation" | "delegate" | "interpreter" | "press" | "guest";

export type DemoDelegate = {
  /** The member city's English name (as in alliance.json), or null for a guest from elsewhere. */
  city: string | null;
  cityOther: string | null;
  role: Role;
  givenName: string;
  familyName: string;
  nativeName: string | null;
  honorific: string | null;
  position: string | null;
  organization: string | null;
  email: string;
  language: Language;
  interpretation: Language[];
  dietaryNeeds: string | null;
  visaLetter: boolean;
  /** Slugs of the program's sessions, in the seed's program-2017.ts. */
  sessions: string[];
  status: "pending" | "confirmed" | "cancelled" | "rejected";
  /** Days after registration opened (1 February 2017, Berlin) and the hour of day. */
  registeredAfterDays: number;
  /** Minutes after 08:00 on the meeting day (Berlin) at which the delegate was checked in, if at all. */
  checkedInAfterMinutes: number | null;
};

const germanCities = [
  "Aachen",
  "Bottrop",
  "Ingolstadt",
  "Kelsterbach",
  "Cologne",
  "Mainz",
  "Wuppertal",
  "Raunheim",
  "Nuremberg",
  "Rüsselsheim",
];
const chineseCities = [
  "Foshan",
  "Guiyang",
  "Jiangmen",
  "Jiaozuo",
  "Jieyang",
  "Liuzhou",
  "Ma’anshan",
  "Nanchang",
  "Nanning",
  "Taizhou",
  "Yunfu",
  "Zhaoqing",
  "Zhuzhou",
  "Bao’an District",
];

const germanGiven = [
  "Anna",
  "Lukas",
  "Katrin",
  "Stefan",
  "Julia",
  "Thomas",
  "Sabine",
  "Michael",
  "Claudia",
  "Andreas",
  "Petra",
  "Jan",
];
/** The women among them: German job titles take their gender ("Oberbürgermeisterin", "Bürgermeister"). */
const germanWomen = new Set(["Anna", "Katrin", "Julia", "Sabine", "Claudia", "Petra"]);
const germanFamily = [
  "Becker",
  "Hoffmann",
  "Schneider",
  "Wagner",
  "Schulz",
  "Krüger",
  "Neumann",
  "Braun",
  "Zimmermann",
  "Hartmann",
  "Lange",
  "Vogel",
  "Koch",
  "Richter",
];
const chineseFamily: [string, string][] = [
  ["Wang", "王"],
  ["Li", "李"],
  ["Zhang", "张"],
  ["Liu", "刘"],
  ["Chen", "陈"],
  ["Yang", "杨"],
  ["Huang", "黄"],
  ["Zhao", "赵"],
  ["Wu", "吴"],
  ["Zhou", "周"],
  ["Xu", "徐"],
  ["Sun", "孙"],
  ["Ma", "马"],
  ["Zhu", "朱"],
  ["Hu", "胡"],
  ["Guo", "郭"],
];
const chineseGiven: [string, string][] = [
  ["Wei", "伟"],
  ["Fang", "芳"],
  ["Min", "敏"],
  ["Jing", "静"],
  ["Lei", "磊"],
  ["Qiang", "强"],
  ["Yan", "艳"],
  ["Jun", "军"],
  ["Yong", "勇"],
  ["Jie", "杰"],
  ["Tao", "涛"],
  ["Ming", "明"],
  ["Hui", "慧"],
  ["Hao", "浩"],
  ["Xiaoyu", "晓宇"],
  ["Jianguo", "建国"],
];

/** "Rüsselsheim" → "ruesselsheim", "Ma’anshan" → "maanshan": for the invented addresses. */
function mailPart(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * The investment workshop (40 seats) is wanted by nearly everyone, so its waiting list is long; the
 * smart-manufacturing workshop by a few; the fair tour is left to those who register in the demo.
 */
const INVESTMENT = "workshop-investitionen";
const MANUFACTURING = "workshop-smart-manufacturing";
const withManufacturing = (index: number) => (index % 3 === 0 ? [INVESTMENT, MANUFACTURING] : [INVESTMENT]);

/** Which registrations the demo shows in other states than confirmed (index in the final list). */
const pending = new Set([7, 19, 33, 44]);
const cancelled = new Set([12]);
const rejected = new Set([40]);

function germanDelegation(
  city: string,
  index: number,
): Omit<DemoDelegate, "status" | "registeredAfterDays" | "checkedInAfterMinutes">[] {
  const person = (offset: number) => {
    const given = germanGiven[(index * 3 + offset) % germanGiven.length]!;
    const family = germanFamily[(index * 5 + offset * 7) % germanFamily.length]!;
    return {
      givenName: given,
      familyName: family,
      email: `${mailPart(given)}.${mailPart(family)}@${mailPart(city)}.example`,
    };
  };
  const domain = {
    city,
    cityOther: null,
    nativeName: null,
    organization: `Stadt ${city === "Cologne" ? "Köln" : city === "Nuremberg" ? "Nürnberg" : city}`,
  };
  const head = person(0);
  const office = index % 2 === 0 ? "Oberbürgermeister" : "Bürgermeister";
  return [
    {
      ...domain,
      ...head,
      role: "head_of_delegation",
      honorific: index % 3 === 0 ? "Dr." : null,
      position: germanWomen.has(head.givenName) ? `${office}in` : office,
      language: "de",
      interpretation: ["de"],
      dietaryNeeds: null,
      visaLetter: false,
      sessions: [INVESTMENT],
    },
    {
      ...domain,
      ...person(1),
      role: "delegate",
      honorific: null,
      position: "Leitung Wirtschaftsförderung",
      organization: `Wirtschaftsförderung ${domain.organization.replace("Stadt ", "")}`,
      language: index % 4 === 1 ? "en" : "de",
      interpretation: index % 2 === 0 ? ["de"] : [],
      dietaryNeeds: index % 5 === 2 ? "vegetarisch" : null,
      visaLetter: false,
      sessions: withManufacturing(index),
    },
  ];
}

function chineseDelegation(
  city: string,
  index: number,
): Omit<DemoDelegate, "status" | "registeredAfterDays" | "checkedInAfterMinutes">[] {
  const person = (offset: number) => {
    const [familyLatin, familyNative] = chineseFamily[(index * 3 + offset * 5) % chineseFamily.length]!;
    const [givenLatin, givenNative] = chineseGiven[(index * 7 + offset * 3) % chineseGiven.length]!;
    return {
      givenName: givenLatin,
      familyName: familyLatin,
      nativeName: `${familyNative}${givenNative}`,
      email: `${mailPart(givenLatin)}.${mailPart(familyLatin)}@${mailPart(city)}.example.cn`,
    };
  };
  const place = city.replace(" District", "");
  const domain = {
    city,
    cityOther: null,
    organization: city.endsWith("District")
      ? `${place} District Government`
      : `${city} Municipal People's Government`,
  };
  const delegation: Omit<DemoDelegate, "status" | "registeredAfterDays" | "checkedInAfterMinutes">[] = [
    {
      ...domain,
      ...person(0),
      role: "head_of_delegation",
      honorific: null,
      position: "Vice Mayor",
      language: "zh",
      interpretation: ["zh"],
      dietaryNeeds: null,
      visaLetter: true,
      sessions: [INVESTMENT],
    },
    {
      ...domain,
      ...person(1),
      role: "delegate",
      honorific: null,
      position: "Director, Bureau of Commerce",
      organization: `${place} Bureau of Commerce`,
      language: "zh",
      interpretation: ["zh"],
      dietaryNeeds: index % 4 === 3 ? "Halal" : null,
      visaLetter: true,
      sessions: withManufacturing(index),
    },
  ];
  if (index % 2 === 0) {
    delegation.push({
      ...domain,
      ...person(2),
      role: "interpreter",
      honorific: null,
      position: "Interpreter (Chinese–German)",
      organization: `${place} Foreign Affairs Office`,
      language: "en",
      interpretation: [],
      dietaryNeeds: null,
      visaLetter: true,
      sessions: [INVESTMENT],
    });
  }
  return delegation;
}

const visitors: Omit<DemoDelegate, "status" | "registeredAfterDays" | "checkedInAfterMinutes">[] = [
  {
    city: null,
    cityOther: "Hannover",
    role: "press",
    givenName: "Miriam",
    familyName: "Albrecht",
    nativeName: null,
    honorific: null,
    position: "Redakteurin Wirtschaft",
    organization: "Hannoversche Rundschau (fiktiv)",
    email: "m.albrecht@press.example",
    language: "de",
    interpretation: ["de"],
    dietaryNeeds: null,
    visaLetter: false,
    sessions: [],
  },
  {
    city: null,
    cityOther: "Beijing",
    role: "guest",
    givenName: "Yun",
    familyName: "Deng",
    nativeName: "邓云",
    honorific: null,
    position: "Researcher",
    organization: "Institute for Urban Industry (fictitious)",
    email: "deng.yun@institute.example.cn",
    language: "zh",
    interpretation: ["zh"],
    dietaryNeeds: "vegetarian",
    visaLetter: true,
    sessions: [INVESTMENT],
  },
];

/**
 * Everyone in the order they registered: delegations alternate between the two countries, so that the
 * dashboard's curve and the long waiting list of the investment workshop come out mixed.
 */
export const demoDelegates: DemoDelegate[] = (() => {
  const people: Omit<DemoDelegate, "status" | "registeredAfterDays" | "checkedInAfterMinutes">[] = [];
  for (let index = 0; index < chineseCities.length; index++) {
    if (index < germanCities.length) people.push(...germanDelegation(germanCities[index]!, index));
    people.push(...chineseDelegation(chineseCities[index]!, index));
  }
  people.push(...visitors);
  return people.map((person, index) => {
    const status = pending.has(index)
      ? "pending"
      : cancelled.has(index)
        ? "cancelled"
        : rejected.has(index)
          ? "rejected"
          : "confirmed";
    return {
      ...person,
      status,
      // Most register in the weeks before the fair, a few late: 1 February to 20 April.
      registeredAfterDays: Math.round(78 * Math.sqrt((index + 1) / (people.length + 1))),
      // Every third confirmed delegate has arrived by half past nine.
      checkedInAfterMinutes: status === "confirmed" && index % 3 === 0 ? 20 + (index % 70) : null,
    };
  });
})();
