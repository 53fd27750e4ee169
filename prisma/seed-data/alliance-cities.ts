/**
 * What the seed adds to the member cities of alliance.json, by slug: other spellings people type, the
 * province or Land, and the year of joining where the sources give it.
 *
 * Years: the founding report of April 2016 names 11 Chinese cities and the German cities intending to join
 * ("11+7"; of these the seed's list has Aachen, Wuppertal, Ingolstadt, Rüsselsheim, Raunheim, Kelsterbach),
 * and Nanchang, Ma'anshan and Bao'an joined in August 2016: all since 2016. The annual meeting of 24 April
 * 2017 formally admitted seven cities, Köln, Mainz and Nürnberg among them (the demo's ceremony,
 * prisma/seed-program.ts, shows Köln's). The sources do not say when Bottrop joined, so it has no year.
 * Taizhou is the one in Zhejiang (台州), which the founding report names; 泰州 in Jiangsu is not a member.
 *
 * Aliases: what people type besides the three names (exonyms, transliterations, traditional characters,
 * the spellings most often typed). Case, accents, umlauts written as "ae", apostrophes, hyphens, spaces and a
 * trailing 市, 区, "Stadt" or "District" are the finder's rules (app/_lib/cities/matching.ts), not aliases.
 */
type Region = { de: string; en: string; zh: string };

const land = {
  nrw: { de: "Nordrhein-Westfalen", en: "North Rhine-Westphalia", zh: "北莱茵-威斯特法伦州" },
  bavaria: { de: "Bayern", en: "Bavaria", zh: "巴伐利亚州" },
  hesse: { de: "Hessen", en: "Hesse", zh: "黑森州" },
  rhinelandPalatinate: { de: "Rheinland-Pfalz", en: "Rhineland-Palatinate", zh: "莱茵兰-普法尔茨州" },
} satisfies Record<string, Region>;

const province = {
  guangdong: { de: "Guangdong", en: "Guangdong", zh: "广东省" },
  guizhou: { de: "Guizhou", en: "Guizhou", zh: "贵州省" },
  henan: { de: "Henan", en: "Henan", zh: "河南省" },
  guangxi: { de: "Guangxi", en: "Guangxi", zh: "广西壮族自治区" },
  anhui: { de: "Anhui", en: "Anhui", zh: "安徽省" },
  jiangxi: { de: "Jiangxi", en: "Jiangxi", zh: "江西省" },
  hunan: { de: "Hunan", en: "Hunan", zh: "湖南省" },
  zhejiang: { de: "Zhejiang", en: "Zhejiang", zh: "浙江省" },
} satisfies Record<string, Region>;

export type CityFacts = {
  aliases: string[];
  region?: Region;
  memberSince?: number;
  joinedOn?: string;
};

const admittedAtHannover2017 = { memberSince: 2017, joinedOn: "2017-04-24" };

export const cityFacts: Record<string, CityFacts> = {
  aachen: { aliases: ["Aix-la-Chapelle", "亚琛市"], region: land.nrw, memberSince: 2016 },
  bottrop: { aliases: [], region: land.nrw },
  ingolstadt: { aliases: ["因戈尔施塔特"], region: land.bavaria, memberSince: 2016 },
  kelsterbach: { aliases: [], region: land.hesse, memberSince: 2016 },
  cologne: {
    aliases: ["Koeln", "Cologne", "Köln", "科隆"],
    region: land.nrw,
    ...admittedAtHannover2017,
  },
  mainz: { aliases: ["Mayence"], region: land.rhinelandPalatinate, ...admittedAtHannover2017 },
  wuppertal: { aliases: ["乌珀塔尔", "乌帕塔尔"], region: land.nrw, memberSince: 2016 },
  raunheim: { aliases: [], region: land.hesse, memberSince: 2016 },
  nuremberg: {
    aliases: ["Nuernberg", "Nürnberg", "Nuremberg", "紐倫堡"],
    region: land.bavaria,
    ...admittedAtHannover2017,
  },
  ruesselsheim: {
    aliases: ["Rüsselsheim am Main", "吕塞尔斯海姆"],
    region: land.hesse,
    memberSince: 2016,
  },
  foshan: { aliases: ["Fatshan", "佛山市"], region: province.guangdong, memberSince: 2016 },
  guiyang: { aliases: ["貴陽"], region: province.guizhou, memberSince: 2016 },
  jiangmen: { aliases: ["江門"], region: province.guangdong, memberSince: 2016 },
  jiaozuo: { aliases: [], region: province.henan, memberSince: 2016 },
  jieyang: { aliases: ["揭陽"], region: province.guangdong, memberSince: 2016 },
  liuzhou: { aliases: [], region: province.guangxi, memberSince: 2016 },
  maanshan: { aliases: ["Ma'anshan", "Maanshan", "馬鞍山"], region: province.anhui, memberSince: 2016 },
  nanchang: { aliases: [], region: province.jiangxi, memberSince: 2016 },
  nanning: { aliases: ["南寧"], region: province.guangxi, memberSince: 2016 },
  taizhou: {
    aliases: ["台州市", "Taizhou (Zhejiang)", "浙江台州"],
    region: province.zhejiang,
    memberSince: 2016,
  },
  yunfu: { aliases: ["雲浮"], region: province.guangdong, memberSince: 2016 },
  zhaoqing: { aliases: ["肇慶"], region: province.guangdong, memberSince: 2016 },
  zhuzhou: { aliases: ["Zhuzhouan"], region: province.hunan, memberSince: 2016 },
  "baoan-district": {
    aliases: ["Bao'an", "Shenzhen Bao'an", "深圳宝安", "深圳市宝安区", "寶安"],
    region: province.guangdong,
    memberSince: 2016,
  },
};
