import { describe, expect, it } from "vitest";
import { HARMLESS_PAYLOADS, LOCAL_PATHS, OPEN_REDIRECT_PAYLOADS } from "@/test/open-redirect-payloads";
import { localPath } from "./local-path";

const FALLBACK = "/en/admin";
const BASE = "http://site.invalid";

describe("localPath", () => {
  it.each(LOCAL_PATHS)("keeps %j", (path) => {
    expect(localPath(path, FALLBACK)).toBe(path);
  });

  it("returns the path it checked: resolved, with non-ASCII characters encoded", () => {
    expect(localPath("/en/admin/./meetings/../people", FALLBACK)).toBe("/en/admin/people");
    expect(localPath("/zh/会议", FALLBACK)).toBe("/zh/%E4%BC%9A%E8%AE%AE");
  });

  it("holds at least 30 payloads", () => {
    expect(OPEN_REDIRECT_PAYLOADS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(OPEN_REDIRECT_PAYLOADS.filter((payload) => !HARMLESS_PAYLOADS.includes(payload)))(
    "refuses %j",
    (payload) => {
      expect(localPath(payload, FALLBACK)).toBe(FALLBACK);
    },
  );

  // Whatever is kept is a plain path of this site, already in its resolved form, and stays the same
  // when checked again (a server that decodes it once more finds nothing else either).
  it.each(OPEN_REDIRECT_PAYLOADS)("leaves nothing off-site of %j", (payload) => {
    const path = localPath(payload, FALLBACK);
    expect(path).toMatch(/^\/(?![/\\])/);
    expect(path).not.toMatch(/[\u0000-\u0020\u007f\\]/);
    const url = new URL(path, BASE);
    expect(url.origin).toBe(BASE);
    expect(`${url.pathname}${url.search}`).toBe(path);
    expect(new URL(decodeURIComponent(path), BASE).origin).toBe(BASE);
    expect(localPath(path, "/other")).toBe(path);
  });

  it.each(["", "evil", "en/admin", undefined])("refuses %j", (value) => {
    expect(localPath(value, FALLBACK)).toBe(FALLBACK);
  });
});
