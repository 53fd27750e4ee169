import { describe, expect, it } from "vitest";
import alliance from "@/prisma/seed-data/alliance.json" with { type: "json" };
import { cityFacts } from "@/prisma/seed-data/alliance-cities";
import { citySlug } from "../slugs";
import {
  cityFieldValue,
  cityLabel,
  matchCity,
  normalizeCityName,
  regionName,
  suggestCities,
  type FindableCity,
} from "./matching";

/** The member cities exactly as the seed makes them (prisma/seed-alliance.ts), keyed by slug. */
const members: FindableCity[] = alliance.memberCities.map((city) => {
  const slug = citySlug(city.name.en);
  return { id: slug, name: city.name, aliases: cityFacts[slug]!.aliases, region: cityFacts[slug]!.region };
});

const matched = (typed: string) => {
  const match = matchCity(typed, members);
  return match.kind === "city" ? match.city.id : match.kind;
};

/** Every way the delegates of each member city were seen or expected to type it. */
const spellings: Record<string, string[]> = {
  aachen: ["Aachen", "aachen", "Stadt Aachen", "亚琛", "亚琛市", "Aix-la-Chapelle"],
  bottrop: ["Bottrop", "BOTTROP", "博特罗普", "博特罗普市"],
  ingolstadt: ["Ingolstadt", "英戈尔施塔特", "因戈尔施塔特", "因戈尔施塔特市"],
  kelsterbach: ["Kelsterbach", "Stadt Kelsterbach", "凯尔斯特巴赫"],
  cologne: [
    "Köln",
    "Koeln",
    "koeln",
    "KÖLN",
    "Koln",
    "Cologne",
    "科隆",
    "科隆市",
    "Stadt Köln",
    "Köln Stadt",
    "Ｋöｌｎ",
  ],
  mainz: ["Mainz", "美因茨", "美因茨市", "Mayence"],
  wuppertal: ["Wuppertal", "伍珀塔尔", "乌珀塔尔", "乌帕塔尔"],
  raunheim: ["Raunheim", "劳恩海姆"],
  nuremberg: ["Nürnberg", "Nuernberg", "Nurnberg", "Nuremberg", "纽伦堡", "纽伦堡市", "紐倫堡"],
  ruesselsheim: [
    "Rüsselsheim",
    "Ruesselsheim",
    "Russelsheim",
    "Rüsselsheim am Main",
    "吕瑟尔斯海姆",
    "吕塞尔斯海姆",
  ],
  foshan: ["Foshan", "佛山", "佛山市", "Foshan City", "Fatshan"],
  guiyang: ["Guiyang", "贵阳", "贵阳市", "貴陽"],
  jiangmen: ["Jiangmen", "江门", "江门市", "江門"],
  jiaozuo: ["Jiaozuo", "焦作", "焦作市"],
  jieyang: ["Jieyang", "揭阳", "揭阳市", "揭陽"],
  liuzhou: ["Liuzhou", "柳州", "柳州市"],
  maanshan: [
    "Ma’anshan",
    "Ma'anshan",
    "Ma‘anshan",
    "Maanshan",
    "Ma-anshan",
    "Ma anshan",
    "马鞍山",
    "马鞍山市",
    "馬鞍山",
  ],
  nanchang: ["Nanchang", "南昌", "南昌市"],
  nanning: ["Nanning", "南宁", "南宁市", "南寧"],
  taizhou: ["台州", "台州市", "Taizhou (Zhejiang)", "Taizhou, Zhejiang", "浙江台州"],
  yunfu: ["Yunfu", "云浮", "云浮市", "雲浮"],
  zhaoqing: ["Zhaoqing", "肇庆", "肇庆市", "肇慶"],
  zhuzhou: ["Zhuzhou", "株洲", "株洲市", "Zhuzhouan"],
  "baoan-district": [
    "Bezirk Bao’an",
    "Bezirk Bao'an",
    "Bao’an District",
    "Bao'an",
    "Baoan",
    "Bao-an",
    "宝安",
    "宝安区",
    "深圳宝安",
    "深圳市宝安区",
    "寶安",
  ],
};

describe("matchCity on the seeded member cities", () => {
  it("knows every member city the seed makes", () => {
    expect(Object.keys(spellings).sort()).toEqual(members.map((city) => city.id).sort());
  });

  for (const [slug, typed] of Object.entries(spellings)) {
    it(`finds ${slug} by ${typed.join(", ")}`, () => {
      expect(typed.map(matched)).toEqual(typed.map(() => slug));
    });
  }

  it("finds every city by each of its names, with or without its kind of place", () => {
    for (const city of members) {
      for (const name of [city.name.de, city.name.en, city.name.zh]) {
        // "Taizhou" alone is asked about (below).
        if (!name || name === "Taizhou") continue;
        expect(matched(name)).toBe(city.id);
        expect(matched(` ${name.toUpperCase()} `)).toBe(city.id);
        if (/\p{Script=Han}/u.test(name) && !/[市区县]$/u.test(name))
          expect(matched(`${name}市`)).toBe(city.id);
        if (!/\p{Script=Han}/u.test(name)) expect(matched(`Stadt ${name}`)).toBe(city.id);
      }
    }
  });

  it("asks which Taizhou is meant instead of picking one, and keeps 泰州 (Jiangsu) apart as no member", () => {
    const taizhou = matchCity("Taizhou", members);
    expect(taizhou.kind).toBe("ambiguous");
    if (taizhou.kind !== "ambiguous") return;
    expect(taizhou.choices.map((choice) => [choice.kind, choice.city.name.zh])).toEqual([
      ["city", "台州"],
      ["namesake", "泰州"],
    ]);
    expect(
      taizhou.choices.map((choice) => cityLabel(choice.city, "zh", [regionName(choice.city, "zh")])),
    ).toEqual(["台州 Taizhou（浙江省）", "泰州 Taizhou（江苏省）"]);
    expect(matched("taizhou")).toBe("ambiguous");
    expect(matched("台州")).toBe("taizhou");
    expect(matched("泰州")).toBe("none");
    expect(matched("泰州市")).toBe("none");
    expect(matched("Taizhou (Jiangsu)")).toBe("none");
  });

  it("leaves places outside the alliance and unfinished names unmatched", () => {
    for (const typed of [
      "Hannover",
      "Shenzhen",
      "深圳",
      "Hefei",
      "Köl",
      "佛",
      "",
      "   ",
      "市",
      "Stadt",
      "Paris",
    ]) {
      expect(matched(typed)).toBe("none");
    }
  });

  it("drops a namesake that organizers have made a city of the list", () => {
    const withJiangsu = [
      ...members,
      { id: "taizhou-2", name: { de: "Taizhou", en: "Taizhou", zh: "泰州" }, aliases: [] },
    ];
    const match = matchCity("Taizhou", withJiangsu);
    expect(match.kind === "ambiguous" && match.choices.map((choice) => choice.kind)).toEqual([
      "city",
      "city",
    ]);
    expect(matchCity("泰州", withJiangsu)).toMatchObject({ kind: "city", city: { id: "taizhou-2" } });
  });
});

describe("suggestCities", () => {
  const ids = (typed: string, locale: "de" | "en" | "zh" = "de") =>
    suggestCities(typed, members, locale).map((suggestion) => suggestion.city.id);

  it("offers cities from the first letters typed, in either script", () => {
    expect(ids("佛")).toEqual(["foshan"]);
    expect(ids("佛山市")).toEqual(["foshan"]);
    expect(ids("Koe")).toEqual(["cologne"]);
    expect(ids("Kö")).toEqual(["cologne"]);
    expect(ids("科")).toEqual(["cologne"]);
    expect(ids("Ma'")).toEqual(["maanshan", "mainz"]);
    expect(ids("Ma’a")).toEqual(["maanshan"]);
    expect(ids("深圳")).toEqual(["baoan-district"]);
    expect(ids("Nan")).toEqual(["nanchang", "nanning"]);
    expect(ids("")).toEqual([]);
  });

  it("puts a city named exactly before those that only begin so, and offers both Taizhous", () => {
    expect(ids("Tai")).toEqual(["taizhou", "namesake:taizhou-jiangsu"]);
    expect(ids("泰")).toEqual(["namesake:taizhou-jiangsu"]);
    expect(ids("台")).toEqual(["taizhou"]);
  });

  it("sorts by the name in the reader's language", () => {
    expect(ids("N", "de")).toEqual(["nanchang", "nanning", "nuremberg"]);
    expect(ids("J", "en")).toEqual(["jiangmen", "jiaozuo", "jieyang"]);
  });
});

describe("normalizeCityName", () => {
  it("writes the same name the same way however it was typed", () => {
    expect(normalizeCityName("Köln")).toBe(normalizeCityName("KOELN"));
    expect(normalizeCityName("Rüsselsheim")).toBe(normalizeCityName("Ruesselsheim"));
    expect(normalizeCityName("Straße")).toBe("strasse");
    expect(normalizeCityName("Ｍａｉｎｚ")).toBe("mainz");
    expect(normalizeCityName("Bezirk Bao’an")).toBe("baoan");
    expect(normalizeCityName("宝安区")).toBe("宝安");
    expect(normalizeCityName("市")).toBe("市");
    expect(normalizeCityName("City")).toBe("city");
  });
});

describe("cityLabel", () => {
  it("puts the other script beside the name", () => {
    const cologne = members.find((city) => city.id === "cologne")!;
    expect(cityLabel(cologne, "zh")).toBe("科隆 Köln");
    expect(cityLabel(cologne, "de")).toBe("Köln 科隆");
    expect(cityLabel(cologne, "en")).toBe("Cologne 科隆");
    expect(cityLabel(cologne, "de", [regionName(cologne, "de")])).toBe("Köln 科隆 (Nordrhein-Westfalen)");
  });
});

describe("cityFieldValue", () => {
  it("writes every member city so that the rules read it back as the same city, in every language", () => {
    for (const locale of ["de", "en", "zh"] as const) {
      for (const city of members) {
        expect(matchCity(cityFieldValue(city, members, locale), members)).toMatchObject({
          kind: "city",
          city: { id: city.id },
        });
      }
    }
    const taizhou = members.find((city) => city.id === "taizhou")!;
    expect(cityFieldValue(taizhou, members, "de")).toBe("Taizhou (Zhejiang)");
    expect(cityFieldValue(taizhou, members, "zh")).toBe("台州");
    expect(
      cityFieldValue(
        members.find((city) => city.id === "cologne")!,
        members,
        "en",
      ),
    ).toBe("Cologne");
  });
});
