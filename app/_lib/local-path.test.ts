import { describe, expect, it } from "vitest";
import { localPath } from "./local-path";

describe("localPath", () => {
  it("keeps paths of this site with their query", () => {
    expect(localPath("/en/admin/audit?meeting=2017", "/en/admin")).toBe("/en/admin/audit?meeting=2017");
  });

  it.each(["//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "https://evil.example/", "evil", "", undefined])(
    "refuses %j",
    (value) => {
      expect(localPath(value, "/en/admin")).toBe("/en/admin");
    },
  );
});
