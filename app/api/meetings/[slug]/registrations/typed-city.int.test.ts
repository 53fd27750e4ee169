/** The registration endpoint reads a typed town by the city finder's rules (app/_lib/cities/matching.ts). */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/app/_server/db";
import { seedDemo } from "@/prisma/seed";
import { delegate } from "@/test/integration/factories";
import { POST } from "./route";

function post(body: unknown, language = "zh") {
  const request = new Request("http://localhost/api/meetings/2017/registrations", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-forwarded-for": "203.0.113.21",
      "accept-language": language,
    },
    body: JSON.stringify(body),
  });
  return POST(request, { params: Promise.resolve({ slug: "2017" }) });
}

async function registeredAs(cityOther: string): Promise<{ city: string | null; cityOther: string | null }> {
  const response = await post(delegate({ cityOther }));
  expect(response.status, cityOther).toBe(201);
  const { id } = await response.json();
  const row = await db.registration.findUniqueOrThrow({
    where: { id },
    select: { cityOther: true, city: { select: { slug: true } } },
  });
  return { city: row.city?.slug ?? null, cityOther: row.cityOther };
}

beforeAll(async () => {
  await seedDemo(db);
});

describe("a town typed through the API", () => {
  it("that names a member city, however written, registers the delegate as that city's", async () => {
    expect(await registeredAs("台州")).toEqual({ city: "taizhou", cityOther: null });
    expect(await registeredAs("Koeln")).toEqual({ city: "cologne", cityOther: null });
    expect(await registeredAs("佛山市")).toEqual({ city: "foshan", cityOther: null });
    expect(await registeredAs("宝安")).toEqual({ city: "baoan-district", cityOther: null });
    expect(await registeredAs("Ma'anshan")).toEqual({ city: "maanshan", cityOther: null });
  });

  it("that names no member stays the delegate's own town, as typed", async () => {
    expect(await registeredAs("Hefei")).toEqual({ city: null, cityOther: "Hefei" });
    // 泰州 in Jiangsu shares the Latin name of the member 台州, not the member.
    expect(await registeredAs("泰州")).toEqual({ city: null, cityOther: "泰州" });
  });

  it("that names two places is refused at the field, with the choices in the visitor's language", async () => {
    const before = await db.registration.count();
    const german = await post(delegate({ cityOther: "Taizhou" }), "de");
    expect(german.status).toBe(422);
    expect((await german.json()).error.fields).toEqual([
      {
        path: "cityOther",
        code: "cityAmbiguous",
        message:
          "„Taizhou“ heißt mehr als ein Ort: Taizhou 台州 (Zhejiang) oder Taizhou 泰州 (Jiangsu, keine Mitgliedsstadt). Bitte geben Sie an, welchen Sie meinen.",
      },
    ]);
    const chinese = await post(delegate({ cityOther: "taizhou" }), "zh");
    expect((await chinese.json()).error.fields[0].message).toBe(
      "“taizhou”对应多个地方：台州 Taizhou（浙江省）或泰州 Taizhou（江苏省，非成员城市）。请注明是哪一个。",
    );
    expect(await db.registration.count()).toBe(before);
  });
});
