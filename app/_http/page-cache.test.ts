import { NextRequest, NextResponse } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// One meeting with one track; the version is what the test says.
const data = vi.hoisted(() => ({ version: "v1" }));
vi.mock("@/app/_server/agenda/queries", () => ({
  sessionKinds: ["talk", "ceremony"],
  versionedAgenda: async (slug: string) =>
    slug === "2017"
      ? { version: data.version, agenda: { tracks: [{ slug: "innovation" }], sessions: [], rooms: [] } }
      : null,
}));
vi.mock("@/app/_server/env", () => ({ env: () => ({ PORT: 3999, HOST: undefined }) }));

const { ownOrigin, pageResponse, renderNonce } = await import("./page-cache");

const NAVIGATION = { accept: "text/html", "sec-fetch-dest": "document", host: "meeting.example.org" };

/** This server as the cache's render request reaches it: the page with the nonce the proxy gives it. */
const server = vi.fn(async (url: URL | string, init?: RequestInit) => {
  const nonce = renderNonce(new NextRequest(url, { headers: init?.headers }));
  return new Response(`<html><script nonce="${nonce}"></script>${new URL(url).search}</html>`, {
    headers: { "content-type": "text/html; charset=utf-8" },
  });
});

const routed = () =>
  new NextResponse("rendered by Next.js", {
    headers: { link: "<https://meeting.example.org/de/meetings/2017/agenda>; rel=alternate" },
  });

function visit(search: string) {
  const request = new NextRequest(`http://meeting.example.org/en/meetings/2017/agenda${search}`, {
    headers: NAVIGATION,
  });
  return pageResponse(request, "visitor-nonce", routed);
}

beforeEach(() => vi.stubGlobal("fetch", server));
afterEach(() => {
  vi.unstubAllGlobals();
  server.mockClear();
});

describe("the agenda's page cache", () => {
  it("keeps one page per query as the page reads it: unknown parameters and values make no page of their own", async () => {
    data.version = "a";
    for (const search of ["", "?utm=1", "?utm=2", "?kind=nonsense", "?track=unknown&utm=3", "?view=time"]) {
      const body = await (await visit(search)).text();
      expect(body).toBe('<html><script nonce="visitor-nonce"></script></html>');
    }
    expect(server).toHaveBeenCalledTimes(1);
    expect(String(server.mock.calls[0]![0])).toBe("http://127.0.0.1:3999/en/meetings/2017/agenda");

    expect(await (await visit("?utm=4&track=innovation&view=room")).text()).toContain(
      "?track=innovation&view=room",
    );
    expect(await (await visit("?view=room&track=innovation")).text()).toContain(
      "?track=innovation&view=room",
    );
    expect(server).toHaveBeenCalledTimes(2);
  });

  it("renders again when the data version changes", async () => {
    data.version = "b";
    await visit("?utm=5");
    data.version = "c";
    await visit("?utm=6");
    expect(server).toHaveBeenCalledTimes(2);
  });

  it("falls back to Next.js on a failed render, and says why once per cause", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    server.mockRejectedValue(refused);
    for (const version of ["d", "e", "f"]) {
      data.version = version;
      expect(await (await visit("")).text()).toBe("rendered by Next.js");
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain("ECONNREFUSED");

    // Another server on that port: its page is not kept, and that is said once too.
    server.mockImplementation(
      async () => new Response("<html></html>", { headers: { "content-type": "text/html" } }),
    );
    for (const version of ["g", "h"]) {
      data.version = version;
      expect(await (await visit("")).text()).toBe("rendered by Next.js");
    }
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[1]![0]).toContain("another server");
    server.mockReset();
    warn.mockRestore();
  });

  it("asks the server where it listens, never where the request says", () => {
    expect(ownOrigin({ PORT: 3000, HOST: undefined })).toBe("http://127.0.0.1:3000");
    expect(ownOrigin({ PORT: 3000, HOST: "0.0.0.0" })).toBe("http://127.0.0.1:3000");
    expect(ownOrigin({ PORT: 8080, HOST: "10.0.0.5" })).toBe("http://10.0.0.5:8080");
    expect(ownOrigin({ PORT: 8080, HOST: "::1" })).toBe("http://[::1]:8080");
    expect(ownOrigin({ PORT: 8080, HOST: "::" })).toBe("http://127.0.0.1:8080");
  });
});
