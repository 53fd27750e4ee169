/**
 * What the seed adds to the member cities of alliance.json, by slug: other spellings people type, the
 * province or Land, and the year of joining where the sources give it.
 *
 * Years: the founding report of April 2016 names 11 Chinese cities and the German cities intending to join
 * ("11+7"; of these the seed's list has Aachen, Wuppertal, Ingolstadt, Rüsselsheim, Raunheim, Kelsterbach),
 * and Nanchang, Ma'anshan and Bao'an joined in August 2016: all since 2016. Köln joined on 24 April 2017 at
 * the annual meeting (the demo's ceremony, prisma/seed-program.ts). The sources do not say when Bottrop,
 * Mainz and Nürnberg joined, so they have no year. Regions only where certain: Taizhou has none, because
 * two Chinese cities have that name and the press release does not say which.
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
} satisfies Record<string, Region>;

export type CityFacts = {
  aliases: string[];
  region?: Region;
  memberSince?: number;
  joinedOn?: string;
};

export const cityFacts: Record<string, CityFacts> = {
  aachen: { aliases: ["亚琛市"], region: land.nrw, memberSince: 2016 },
  bottrop: { aliases: [], region: land.nrw },
  ingolstadt: { aliases: ["因戈尔施塔特"], region: land.bavaria, memberSince: 2016 },
  kelsterbach: { aliases: [], region: land.hesse, memberSince: 2016 },
  cologne: {
    aliases: ["Koeln", "Cologne", "科隆市"],
    region: land.nrw,
    memberSince: 2017,
    joinedOn: "2017-04-24",
  },
  mainz: { aliases: [], region: land.rhinelandPalatinate },
  wuppertal: { aliases: ["乌珀塔尔"], region: land.nrw, memberSince: 2016 },
  raunheim: { aliases: [], region: land.hesse, memberSince: 2016 },
  nuremberg: { aliases: ["Nuernberg", "Nürnberg", "纽伦堡市"], region: land.bavaria },
  ruesselsheim: {
    aliases: ["Ruesselsheim", "Rüsselsheim am Main", "吕塞尔斯海姆"],
    region: land.hesse,
    memberSince: 2016,
  },
  foshan: { aliases: ["佛山市"], region: province.guangdong, memberSince: 2016 },
  guiyang: { aliases: ["贵阳市"], region: province.guizhou, memberSince: 2016 },
  jiangmen: { aliases: ["江门市"], region: province.guangdong, memberSince: 2016 },
  jiaozuo: { aliases: ["焦作市"], region: province.henan, memberSince: 2016 },
  jieyang: { aliases: ["揭阳市"], region: province.guangdong, memberSince: 2016 },
  liuzhou: { aliases: ["柳州市"], region: province.guangxi, memberSince: 2016 },
  maanshan: { aliases: ["Ma'anshan", "Maanshan", "马鞍山市"], region: province.anhui, memberSince: 2016 },
  nanchang: { aliases: ["南昌市"], region: province.jiangxi, memberSince: 2016 },
  nanning: { aliases: ["南宁市"], region: province.guangxi, memberSince: 2016 },
  taizhou: { aliases: ["台州", "台州市"], memberSince: 2016 },
  yunfu: { aliases: ["云浮市"], region: province.guangdong, memberSince: 2016 },
  zhaoqing: { aliases: ["肇庆市"], region: province.guangdong, memberSince: 2016 },
  zhuzhou: { aliases: ["株洲市"], region: province.hunan, memberSince: 2016 },
  "baoan-district": {
    aliases: ["Bao'an", "Baoan", "Bao'an District", "宝安", "深圳宝安", "深圳市宝安区"],
    region: province.guangdong,
    memberSince: 2016,
  },
};
