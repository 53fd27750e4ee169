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
    expect(column(rows, "Veranstaltungen")[0]).toBe("Testworkshop 3 (Warteliste, Platz 1)");
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
        (row.values as unknown[])
          .slice(1)
          .map((value) => (value === undefined || value === null ? "" : String(value))),
      ),
    );
    const pad = (row: string[]) => [...row, ...Array(rows[0]!.length - row.length).fill("")];
    // Every cell is a string in the workbook: no formula guard there, so the raw text comes back.
    const unguarded = rows.map((row) => row.map((cell) => cell.replace(/^'(?=\s*[=+\-@])/, "")));
    expect(values.map(pad)).toEqual(unguarded);
    expect(values.flat()).toContain("王伟");
  });
});
