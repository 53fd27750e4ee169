import { describe, expect, it } from "vitest";
import {
  declaresTooLarge,
  isMalformedPath,
  isPageAddress,
  MAX_ARGUMENTS,
  MAX_NESTING,
  MAX_ROWS,
  nestingDepth,
  replyProblem,
} from "./request-shape";

const deep = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

describe("isMalformedPath", () => {
  it("refuses escapes that do not decode, and escaped control characters, separators and percent signs", () => {
    for (const path of [
      "/api/meetings/%ff",
      "/en/manage/%ff",
      "/calendar/personal/%ff.ics",
      "/%",
      "/en/%e4%b8",
      "/en/a%00b",
      "/en/%0a",
      "/en/%7F",
      "/api/meetings/a%2fb",
      "/en/x%5Cy",
      "/en/meetings/%25/agenda",
      "/en/%2541",
    ]) {
      expect(isMalformedPath(path), path).toBe(true);
    }
  });

  it("lets real addresses and harmless escapes pass", () => {
    for (const path of [
      "/",
      "/en",
      "/de/meetings/2017/agenda",
      "/api/meetings/%32017",
      "/en/%E4%B8%AD",
      "/calendar/2017.ics",
      "/en/a%20b",
      "/en/a~b",
    ]) {
      expect(isMalformedPath(path), path).toBe(false);
    }
  });
});

describe("isPageAddress", () => {
  it("is what the proxy's first matcher takes for a page", () => {
    expect(["/", "/en", "/zh/meetings/2017", "/en/admin/sign-in"].every(isPageAddress)).toBe(true);
    expect(
      ["/api/meetings", "/calendar/2017.ics", "/_next/static/x.js", "/robots.txt", "/en/x.y"].some(
        isPageAddress,
      ),
    ).toBe(false);
  });
});

describe("declaresTooLarge", () => {
  it("believes a declared length past the limit only", () => {
    expect(declaresTooLarge(String(1024 * 1024 + 1))).toBe(true);
    expect(declaresTooLarge(String(1024 * 1024))).toBe(false);
    expect(declaresTooLarge(null)).toBe(false);
    expect(declaresTooLarge("lots")).toBe(false);
  });
});

describe("nestingDepth", () => {
  it("counts without recursion, and stops at the limit", () => {
    expect(nestingDepth(1)).toBe(0);
    expect(nestingDepth([{ a: [1] }, 2])).toBe(3);
    expect(nestingDepth(JSON.parse(deep(100_000)))).toBe(MAX_NESTING + 1);
  });
});

describe("replyProblem", () => {
  const fetchAction = { fetchAction: true };

  it("lets React's replies pass: an argument list, outlined rows, the visitor's fields unread", () => {
    expect(
      replyProblem(
        [
          ["0", '["2017","en",{"ok":false},"$K1"]'],
          ["1_email", "[[[[not json"],
        ],
        fetchAction,
      ),
    ).toBeNull();
    expect(
      replyProblem(
        [
          ["$ACTION_REF_1", ""],
          ["$ACTION_1:0", '{"id":"ab","bound":"$@1"}'],
          ["$ACTION_1:1", '["2017","en"]'],
        ],
        { fetchAction: false },
      ),
    ).toBeNull();
  });

  it("lets pass the `$` forms the site's client sends, and refuses the others, which React may throw on", () => {
    const decodes = [
      '["$$5","$undefined","$NaN","$Infinity","$-Infinity","$-0","$D2017-04-24T09:00:00.000Z","$K1"]',
      '[{"a":["x"]},"$0:0","$0:0:a:0","$0"]',
      '["$1","$@1","$1:b"]',
    ];
    for (const row of decodes)
      expect(
        replyProblem(
          [
            ["0", row],
            ["1", '{"b":[]}'],
          ],
          fetchAction,
        ),
        row,
      ).toBeNull();
    const throws = [
      "$",
      "$5",
      "$1z",
      "$0:9",
      "$0:0:a:1",
      "$Q0",
      "$W0",
      "$i0",
      "$nx",
      "$n1",
      "$T",
      "$h0",
      "$Z",
    ];
    for (const value of throws)
      expect(replyProblem([["0", JSON.stringify([{ a: [value] }])]], fetchAction), value).toBe("malformed");
    // References stay within their own form's rows.
    expect(
      replyProblem(
        [
          ["$ACTION_1:0", '{"id":"ab","bound":"$@1"}'],
          ["1", '["2017","en"]'],
        ],
        { fetchAction: false },
      ),
    ).toBe("malformed");
  });

  it("refuses rows that do not parse or nest too deep, and argument lists that are none or too long", () => {
    expect(replyProblem([["0", "[{"]], fetchAction)).toBe("malformed");
    expect(replyProblem([["0", deep(20_000)]], fetchAction)).toBe("malformed");
    expect(replyProblem([["0", deep(MAX_NESTING)]], fetchAction)).toBeNull();
    expect(replyProblem([["0", "{}"]], fetchAction)).toBe("malformed");
    expect(replyProblem([["1", "[]"]], fetchAction)).toBe("malformed");
    expect(replyProblem([["0", JSON.stringify(Array(MAX_ARGUMENTS + 1).fill(0))]], fetchAction)).toBe(
      "malformed",
    );
    expect(replyProblem([["$ACTION_1:1", deep(20_000)]], { fetchAction: false })).toBe("malformed");
    const rows = Array.from({ length: MAX_ROWS + 1 }, (_, id): [string, string] => [String(id), "[]"]);
    expect(replyProblem(rows, fetchAction)).toBe("malformed");
  });
});
