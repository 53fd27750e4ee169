import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/app/_server/authz";
import { db } from "@/app/_server/db";
import { seedDemo } from "@/prisma/seed";
import { createActor } from "@/test/integration/actors";
import { delegate, demoMeetingId, limitedSession, uteBerg } from "@/test/integration/factories";
import { register } from "../registration/register";

// The routes read the signed-in organizer from the session cookie; here the test decides who it is.
const signedIn = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/app/_server/authz", async (original) => ({
  ...(await original<typeof import("@/app/_server/authz")>()),
  currentActor: async () => signedIn.actor,
}));

const csvRoute = await import("@/app/api/admin/meetings/[slug]/registrations.csv/route");
const xlsxRoute = await import("@/app/api/admin/meetings/[slug]/registrations.xlsx/route");

let organizer: Actor;
let foshanId: string;
const ids: Record<"wang" | "berg" | "li" | "press", string> = { wang: "", berg: "", li: "", press: "" };

beforeAll(async () => {
  await seedDemo(db);
  organizer = await createActor("organizer");
  foshanId = (await db.city.findUniqueOrThrow({ where: { slug: "foshan" } })).id;
  const cologneId = (await db.city.findUniqueOrThrow({ where: { slug: "cologne" } })).id;
  const workshop = await limitedSession(1, 3);
  const wang = await register(
    "2017",
    delegate({
      cityId: foshanId,
      cityOther: null,
      organization: '=HYPERLINK("http://evil.example","Foshan")',
      phone: "+86 757 1234 5678",
      interpretation: ["de"],
      visaLetter: true,
      sessionIds: [workshop],
      email: "wang.wei@foshan.example",
    }),
    { locale: "zh" },
  );
  const berg = await register(
    "2017",
    delegate({
      ...uteBerg,
      cityId: cologneId,
      cityOther: null,
      role: "head_of_delegation",
      language: "de",
      organization: "Stadt Köln, Dezernat für Wirtschaft",
      phone: "+49 6142 1234",
      sessionIds: [workshop],
    }),
    { locale: "de" },
  );
  const li = await register(
    "2017",
    delegate({
      givenName: "Na",
      familyName: "Li",
      nativeName: "李娜",
      cityId: foshanId,
      cityOther: null,
      organization: 'Foshan, "Bureau"\nof Commerce',
    }),
    { locale: "zh" },
  );
  const press = await register(
    "2017",
    delegate({
      givenName: "Jan",
      familyName: "Roth",
      nativeName: null,
      nameOrder: "given_first",
      role: "press",
      cityOther: "Hamburg",
      language: "de",
    }),
    { locale: "de" },
  );
  Object.assign(ids, { wang: wang.id, berg: berg.id, li: li.id, press: press.id });
  await db.registration.update({
    where: { id: li.id },
    data: { status: "cancelled", activeEmail: null, cancelledAt: new Date() },
  });
  // Formulas behind leading white space (spreadsheets trim it), stored directly: the forms trim what is typed.
  await db.registration.update({
    where: { id: wang.id },
    data: {
      position: "  @SUM(1+1)",
      dietaryNeeds: "\u3000=1+2",
      accessibilityNeeds: " Rollstuhl - bitte Rampe",
    },
  });
  await db.checkIn.create({
    data: {
      registrationId: wang.id,
      meetingId: await demoMeetingId(),
      at: new Date("2017-04-24T07:05:00Z"),
      staffId: organizer.id,
      staffEmail: organizer.email,
    },
  });
});

function request(format: "csv" | "xlsx", query = "", slug = "2017") {
  const route = format === "csv" ? csvRoute : xlsxRoute;
  return route.GET(
    new Request(`http://localhost:3000/api/admin/meetings/${slug}/registrations.${format}${query}`),
    { params: Promise.resolve({ slug }) },
  );
}

async function csv(query = ""): Promise<{ bytes: Buffer; rows: string[][] }> {
  signedIn.actor = organizer;
  const response = await request("csv", query);
  expect(response.status).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { bytes, rows: parse(bytes, { bom: true, relax_column_count: false }) as string[][] };
}

const column = (rows: string[][], header: string) =>
  rows.slice(1).map((row) => row[rows[0]!.indexOf(header)]);

async function workbook(query = ""): Promise<ExcelJS.Worksheet> {
  signedIn.actor = organizer;
  const response = await request("xlsx", query);
  expect(response.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
  return book.worksheets[0]!;
}

/** Each language's headers, in the columns' order. */
const headers = {
  de: [
    "ID",
    "Status",
    "Nachname",
    "Vorname",
    "Name in eigener Schrift",
    "Anrede/Titel",
    "Funktion",
    "Organisation",
    "Stadt",
    "Land",
    "Rolle",
    "E-Mail",
    "Telefon",
    "Sprache",
    "Verdolmetschung",
    "Ernährung",
    "Barrierefreiheit",
    "Visum-Einladung",
    "Fotos erlaubt",
    "In Teilnehmerliste",
    "Veranstaltungen",
    "Eingecheckt",
    "Angemeldet",
  ],
  en: [
    "ID",
    "Status",
    "Family name",
    "Given name",
    "Name in own script",
    "Honorific",
    "Position",
    "Organization",
    "City",
    "Country",
    "Role",
    "Email",
    "Phone",
    "Language",
    "Interpretation",
    "Dietary needs",
    "Accessibility",
    "Visa letter",
    "Photo consent",
    "On participant list",
    "Sessions",
    "Checked in",
    "Registered",
  ],
  zh: [
    "编号",
    "状态",
    "姓",
    "名",
    "本国文字姓名",
    "称谓",
    "职务",
    "单位",
    "城市",
    "国家",
    "身份",
    "电子邮箱",
    "电话",
    "语言",
    "口译需求",
    "饮食要求",
    "无障碍需求",
    "签证邀请函",
    "同意发布照片",
    "列入参会名单",
    "活动",
    "签到时间",
    "报名时间",
  ],
};

describe("registration exports", () => {
  it("answer 401 to anonymous visitors and 403 to check-in staff, as JSON", async () => {
    for (const format of ["csv", "xlsx"] as const) {
      signedIn.actor = null;
      const anonymous = await request(format);
      expect(anonymous.status).toBe(401);
      expect((await anonymous.json()).error.code).toBe("unauthenticated");
      signedIn.actor = await createActor("checkin");
      const checkin = await request(format);
      expect(checkin.status).toBe(403);
      expect((await checkin.json()).error.code).toBe("forbidden");
    }
    signedIn.actor = organizer;
    expect((await request("csv", "", "no-such-meeting")).status).toBe(404);
  });

  it("write CSV as UTF-8 with a BOM and CRLF, in the meeting's language, keeping Chinese names and guarding formulas", async () => {
    signedIn.actor = organizer;
    const response = await request("csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="registrations-2017.csv"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const { bytes, rows } = await csv();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Every record ends in CRLF; the one line break inside a quoted cell stays as typed.
    expect(bytes.toString("utf8").split("\r\n")).toHaveLength(rows.length + 1);
    expect(rows[0]!.slice(0, 5)).toEqual(["ID", "Status", "Nachname", "Vorname", "Name in eigener Schrift"]);
    // Sorted by family name, as the list: Berg, Li, Roth, Wang.
    expect(column(rows, "ID")).toEqual([ids.berg, ids.li, ids.press, ids.wang]);
    const wang = rows.find((row) => row[0] === ids.wang)!;
    const cell = (header: string) => wang[rows[0]!.indexOf(header)];
    expect(cell("Name in eigener Schrift")).toBe("王伟");
    expect(cell("Stadt")).toBe("Foshan");
    expect(cell("Land")).toBe("China");
    expect(cell("Organisation")).toBe(`'=HYPERLINK("http://evil.example","Foshan")`);
    expect(cell("Telefon")).toBe("'+86 757 1234 5678");
    expect([cell("Funktion"), cell("Ernährung"), cell("Barrierefreiheit")]).toEqual([
      "'  @SUM(1+1)",
      "'\u3000=1+2",
      " Rollstuhl - bitte Rampe",
    ]);
    expect(cell("Verdolmetschung")).toBe("Deutsch");
    expect(cell("Visum-Einladung")).toBe("Ja");
    expect(cell("Veranstaltungen")).toBe("Testworkshop 3 (Platz bestätigt)");
    // 07:05 UTC is 09:05 in Hannover in summer time.
    expect(cell("Eingecheckt")).toBe("2017-04-24 09:05");
    expect(column(rows, "Veranstaltungen")[0]).toBe("Testworkshop 3 (Position 1 auf der Warteliste)");
    expect(column(rows, "Organisation")[1]).toBe('Foshan, "Bureau"\nof Commerce');
    expect(column(rows, "Stadt")[2]).toBe("Hamburg");
  });

  it("apply the list's filters and speak the language asked for", async () => {
    expect(column((await csv(`?city=${foshanId}`)).rows, "ID")).toEqual([ids.li, ids.wang]);
    expect(column((await csv(`?city=${foshanId}&status=confirmed`)).rows, "ID")).toEqual([ids.wang]);
    expect(column((await csv("?status=cancelled")).rows, "ID")).toEqual([ids.li]);
    expect(column((await csv("?status=waitlisted")).rows, "ID")).toEqual([ids.berg]);
    expect(column((await csv("?q=王伟")).rows, "ID")).toEqual([ids.wang]);
    expect(column((await csv("?q=ute+k%C3%B6ln")).rows, "ID")).toEqual([ids.berg]);
    expect(column((await csv("?city=other")).rows, "ID")).toEqual([ids.press]);
    expect(column((await csv("?visaLetter=1&dir=desc")).rows, "ID")).toEqual([ids.wang]);
    expect(column((await csv("?sort=name&dir=desc")).rows, "ID")).toEqual([
      ids.wang,
      ids.press,
      ids.li,
      ids.berg,
    ]);

    const chinese = (await csv("?lang=zh&q=wang")).rows;
    expect(chinese[0]!.slice(0, 4)).toEqual(["编号", "状态", "姓", "名"]);
    expect(column(chinese, "城市")).toEqual(["佛山"]);
    expect(column(chinese, "身份")).toEqual(["代表"]);
    expect(column((await csv("?lang=en&q=wang")).rows, "Country")).toEqual(["China"]);
  });

  it("write the same table as XLSX, header bold and frozen, read back by exceljs", async () => {
    const { rows } = await csv();
    signedIn.actor = organizer;
    const response = await request("xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="registrations-2017.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Anmeldungen");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBeGreaterThan(10);
    const values: string[][] = [];
    sheet.eachRow((row) =>
      values.push(
        // Empty cells are holes in exceljs's array of values.
        Array.from(row.values as unknown[])
          .slice(1)
          .map((value) => (value === undefined || value === null ? "" : String(value))),
      ),
    );
    const pad = (row: string[]) => [...row, ...Array(rows[0]!.length - row.length).fill("")];
    // Every value is a text cell in the workbook: no formula guard there, so the raw text comes back.
    const unguarded = rows.map((row) => row.map((cell) => cell.replace(/^'(?=\s*[=+\-@])/, "")));
    expect(values.map(pad)).toEqual(unguarded);
    expect(values.flat()).toContain("王伟");
  });

  it("name the columns in the language of the page the link came from, and translate the values with them", async () => {
    for (const lang of ["de", "en", "zh"] as const) {
      const { rows } = await csv(`?lang=${lang}&q=wang`);
      expect(rows[0]).toEqual(headers[lang]);
      const sheet = await workbook(`?lang=${lang}&q=wang`);
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(headers[lang]);
    }
    const chinese = (await csv("?lang=zh&q=wang")).rows;
    expect(column(chinese, "状态")).toEqual(["已确认"]);
    expect(column(chinese, "签证邀请函")).toEqual(["是"]);
    expect(column((await csv("?lang=en&q=wang")).rows, "Status")).toEqual(["Confirmed"]);
    expect((await workbook("?lang=zh")).name).toBe("报名");
    expect((await workbook("?lang=en")).name).toBe("Registrations");
  });

  it("hold every value in the XLSX exactly as entered, as text cells without an apostrophe", async () => {
    const sheet = await workbook("?lang=en");
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const rowOf = (id: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === id) found = row;
      });
      return found!;
    };
    const cell = (id: string, name: string) => rowOf(id).getCell(header.indexOf(name) + 1);
    const exact = (id: string, name: string, value: string) => {
      const found = cell(id, name);
      expect([found.value, found.type, found.numFmt]).toEqual([value, ExcelJS.ValueType.String, "@"]);
    };
    exact(ids.berg, "Phone", "+49 6142 1234");
    exact(ids.wang, "Phone", "+86 757 1234 5678");
    // What a spreadsheet would run as a formula is text here: no formula, no guard.
    exact(ids.wang, "Organization", '=HYPERLINK("http://evil.example","Foshan")');
    exact(ids.wang, "Position", "  @SUM(1+1)");
    exact(ids.wang, "Dietary needs", "\u3000=1+2");
    exact(ids.wang, "Name in own script", "王伟");
    exact(ids.li, "Organization", 'Foshan, "Bureau"\nof Commerce');
    // A field left empty is an empty cell, not an empty text.
    expect(cell(ids.press, "Phone").type).toBe(ExcelJS.ValueType.Null);
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      row.eachCell({ includeEmpty: false }, (found) => expect(found.type).toBe(ExcelJS.ValueType.String));
    });
  });
});
