import { describe, expect, it } from "vitest";
import { mapLinks, practicalInfoInput, telHref, venueLine } from "./practical-info";

describe("map links", () => {
  it("mark the venue's coordinates on OpenStreetMap and on Amap, in WGS 84", () => {
    expect(
      mapLinks("Hannover Messe", {
        address: "Messegelände\n30521 Hannover",
        coordinates: { latitude: 52.3239, longitude: 9.8089 },
        directionsUrl: null,
      }),
    ).toEqual({
      openStreetMap: "https://www.openstreetmap.org/?mlat=52.3239&mlon=9.8089#map=17/52.3239/9.8089",
      amap: "https://uri.amap.com/marker?position=9.8089%2C52.3239&name=Hannover+Messe&coordinate=wgs84&callnative=0",
    });
  });

  it("search for the address without coordinates, and are none without either", () => {
    const venue = { address: "Messegelände\r\n30521 Hannover", coordinates: null, directionsUrl: null };
    expect(mapLinks("Hannover Messe", venue)).toEqual({
      openStreetMap:
        "https://www.openstreetmap.org/search?query=Hannover+Messe%2C+Messegel%C3%A4nde%2C+30521+Hannover",
      amap: "https://uri.amap.com/search?keyword=Hannover+Messe%2C+Messegel%C3%A4nde%2C+30521+Hannover&callnative=0",
    });
    expect(mapLinks("Hannover Messe", { ...venue, address: null })).toBeNull();
  });
});

describe("practical information as typed", () => {
  it("reads a decimal comma, empties as null, and keeps texts as typed", () => {
    expect(
      practicalInfoInput.parse({
        contactName: "  Dr. Mara Feld ",
        contactEmail: "",
        latitude: "52,3239",
        longitude: "-9.8",
        arrivalZh: "乘坐 S 4。",
      }),
    ).toMatchObject({
      contactName: "Dr. Mara Feld",
      contactEmail: null,
      latitude: 52.3239,
      longitude: -9.8,
      arrivalZh: "乘坐 S 4。",
      arrivalDe: null,
    });
  });

  it("refuses links that are not http(s), degrees out of range and half a point", () => {
    const problems = (input: Record<string, string>) =>
      practicalInfoInput.safeParse(input).error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(problems({ directionsUrl: "javascript:alert(1)" })).toEqual([["directionsUrl", "url"]]);
    expect(problems({ directionsUrl: "www.example.org" })).toEqual([["directionsUrl", "url"]]);
    expect(problems({ latitude: "-90.5", longitude: "180" })).toEqual([["latitude", "latitude"]]);
    expect(problems({ latitude: "1e2", longitude: "9" })).toEqual([["latitude", "latitude"]]);
    expect(problems({ longitude: "9.8" })).toEqual([["latitude", "coordinatesPair"]]);
  });
});

describe("contact and venue lines", () => {
  it("call a number with its digits only, and list an address as each language does", () => {
    expect(telHref("+49 (511) 555-0142")).toBe("tel:+495115550142");
    expect(venueLine("Hannover Messe", "Messegelände\n30521 Hannover", "zh")).toBe(
      "Hannover Messe，Messegelände，30521 Hannover",
    );
  });
});
