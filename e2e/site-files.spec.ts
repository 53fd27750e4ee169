import { readFileSync } from "node:fs";
import type { APIResponse } from "@playwright/test";
import { backOfficePages, demoEmail, signedInContext, urlOf } from "./support/back-office";
import { expect, LOCALES, test } from "./fixtures";

/**
 * The files in public/: the mark as favicon, SVG and touch icon, the web manifest and robots.txt; every page
 * links them, and they get the security headers of files.
 */
test.skip(({ isMobile }) => isMobile, "Files and headers do not depend on the device.");

const FILES = [
  "/favicon.ico",
  "/icon.svg",
  "/apple-touch-icon.png",
  "/icon-192.png",
  "/icon-512.png",
  "/manifest.webmanifest",
  "/robots.txt",
];
const PRIVATE_AREAS = ["/*/admin", "/*/manage", "/calendar/personal", "/api/"];

/** Width, height and colour type of a PNG, and the names of its chunks; fails on anything that is not a PNG. */
function readPng(bytes: Buffer): { width: number; height: number; colorType: number; chunks: string[] } {
  expect(
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    "PNG signature",
  ).toBe(true);
  const chunks: string[] = [];
  for (let offset = 8; offset < bytes.length; offset += 12 + bytes.readUInt32BE(offset))
    chunks.push(bytes.toString("latin1", offset + 4, offset + 8));
  expect(chunks[0]).toBe("IHDR");
  expect(chunks.at(-1)).toBe("IEND");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes[25]!, chunks };
}

async function get(request: { get(url: string): Promise<APIResponse> }, path: string): Promise<APIResponse> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  return response;
}

test("favicon.ico: an ICO with 16, 32 and 48 px images", async ({ request }) => {
  const response = await get(request, "/favicon.ico");
  expect(response.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  const bytes = await response.body();
  // ICONDIR: reserved 0, type 1 (icon), count; then 16-byte entries (width, height: 0 means 256).
  expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)]).toEqual([0, 1]);
  const count = bytes.readUInt16LE(4);
  const images = Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    const [size, offset] = [bytes.readUInt32LE(entry + 8), bytes.readUInt32LE(entry + 12)];
    expect(offset + size).toBeLessThanOrEqual(bytes.length);
    const png = readPng(bytes.subarray(offset, offset + size));
    expect([png.width, png.height]).toEqual([bytes[entry] || 256, bytes[entry + 1] || 256]);
    return png.width;
  });
  expect(images.sort((a, b) => a - b)).toEqual([16, 32, 48]);
});

test("apple-touch-icon.png: 180×180 and opaque (iOS puts transparency on black)", async ({ request }) => {
  const response = await get(request, "/apple-touch-icon.png");
  expect(response.headers()["content-type"]).toBe("image/png");
  const png = readPng(await response.body());
  expect([png.width, png.height]).toEqual([180, 180]);
  // Grey or RGB without a transparent colour: no pixel can be transparent.
  expect([0, 2]).toContain(png.colorType);
  expect(png.chunks).not.toContain("tRNS");
});

test("icon.svg: the mark drawn in outlines, no text that would need a CJK font", async ({ request }) => {
  const response = await get(request, "/icon.svg");
  expect(response.headers()["content-type"]).toMatch(/^image\/svg\+xml/);
  const svg = await response.text();
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1">/);
  expect(svg).not.toMatch(/<text|<script|<image|href=/);
  expect(svg).toContain('fill="#991b1b"');
  expect(svg).toMatch(/<path fill="#fff"[^>]* d="m[^"]+"/);
});

test("the web manifest: JSON with names, start page, colours, and icons that answer in their stated size", async ({
  request,
}) => {
  const response = await get(request, "/manifest.webmanifest");
  expect(response.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
  const manifest = JSON.parse(await response.text()) as {
    name: string;
    short_name: string;
    start_url: string;
    display: string;
    theme_color: string;
    background_color: string;
    icons: { src: string; sizes: string; type: string }[];
  };
  expect(manifest).toMatchObject({
    name: "Chinesisch-Deutsche Industriestädteallianz",
    short_name: "中德",
    start_url: "/",
    theme_color: "#991b1b",
  });
  expect(["browser", "standalone"]).toContain(manifest.display);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
  // The start page leads to a page in the visitor's language.
  expect((await request.get(manifest.start_url)).status()).toBe(200);

  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) {
    const file = await get(request, icon.src);
    expect(file.headers()["content-type"], icon.src).toMatch(new RegExp(`^${icon.type.replace("+", "\\+")}`));
    if (icon.type !== "image/png") continue;
    const png = readPng(await file.body());
    expect(`${png.width}x${png.height}`, icon.src).toBe(icon.sizes);
  }
});

/** One user-agent group of robots.txt: its Allow and Disallow rules. */
type Rule = { allow: boolean; pattern: string };

function rulesFor(robots: string, agent: string): Rule[] {
  const groups: { agents: string[]; rules: Rule[] }[] = [];
  let inAgents = false;
  for (const raw of robots.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, "").trim();
    const match = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    const [field, value] = [match[1]!.toLowerCase(), match[2]!];
    if (field === "user-agent") {
      if (!inAgents) groups.push({ agents: [], rules: [] });
      groups.at(-1)!.agents.push(value.toLowerCase());
      inAgents = true;
    } else if (field === "allow" || field === "disallow") {
      inAgents = false;
      if (value) groups.at(-1)!.rules.push({ allow: field === "allow", pattern: value });
    }
  }
  return groups.find((group) => group.agents.includes(agent))?.rules ?? [];
}

/** RFC 9309: the longest matching pattern decides, Allow on a tie; `*` is any run of characters, `$` the end. */
function allowed(rules: Rule[], path: string): boolean {
  const matches = (pattern: string) =>
    new RegExp(
      `^${pattern
        .replace(/[.+?^{}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")
        .replace(/\\?\$$/, "$")}`,
    ).test(path);
  const best = rules
    .filter((rule) => matches(rule.pattern))
    .sort((a, b) => b.pattern.length - a.pattern.length || Number(b.allow) - Number(a.allow))[0];
  return best?.allow ?? true;
}

test("robots.txt: crawlers stay out of the back office, delegates' own pages, personal feeds and the JSON API", async ({
  request,
}) => {
  const response = await get(request, "/robots.txt");
  expect(response.headers()["content-type"]).toMatch(/^text\/plain/);
  const rules = rulesFor(await response.text(), "*");
  expect(rules.filter((rule) => !rule.allow).map((rule) => rule.pattern)).toEqual(PRIVATE_AREAS);

  for (const path of [
    "/en/admin",
    "/en/admin/accounts",
    "/de/admin/sign-in",
    "/zh/manage",
    "/zh/manage/abc",
    "/calendar/personal/abc.ics",
    "/api/meetings/2017",
  ]) {
    expect(allowed(rules, path), path).toBe(false);
  }
  for (const path of [
    "/",
    "/de",
    "/de/meetings/2017/agenda",
    "/en/meetings/2017/sessions/abc",
    "/zh/cities",
    "/en/privacy",
    "/calendar/2017.ics",
    "/favicon.ico",
  ]) {
    expect(allowed(rules, path), path).toBe(true);
  }
});

test("every file carries the security headers of files", async ({ request }) => {
  for (const path of FILES) {
    const headers = (await get(request, path)).headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
  }
});

const LINKS = [
  { rel: "icon", href: "/favicon.ico" },
  { rel: "icon", href: "/icon.svg" },
  { rel: "apple-touch-icon", href: "/apple-touch-icon.png" },
  { rel: "manifest", href: "/manifest.webmanifest" },
];

/** The <link> elements in the <head> of an HTML text, as "rel href". */
function linksOf(html: string): string[] {
  const end = html.indexOf("</head>");
  const head = end < 0 ? "" : html.slice(0, end);
  return [...head.matchAll(/<link\b[^>]*>/g)].map(
    ([tag]) => `${/\brel="([^"]*)"/.exec(tag)?.[1]} ${/\bhref="([^"]*)"/.exec(tag)?.[1]}`,
  );
}

test("every page of the build links the icons and the manifest, and its policy lets the browser load them", async ({
  baseURL,
  demo,
}) => {
  // Signed in as the admin, so that the back office's pages render rather than redirect.
  const admin = await signedInContext(baseURL!, demoEmail("admin"));
  const publicPages = [
    "/[locale]/page",
    "/[locale]/[...rest]/page",
    "/[locale]/cities/page",
    "/[locale]/privacy/page",
    "/[locale]/manage/page",
  ];
  const pages = Object.keys(
    JSON.parse(readFileSync(".next/server/app-paths-manifest.json", "utf8")) as Record<string, string>,
  ).filter((route) => route.startsWith("/[locale]/") && route.endsWith("/page"));
  expect(pages).toEqual(expect.arrayContaining([...publicPages, ...backOfficePages()]));

  for (const [index, route] of pages.entries()) {
    const url = urlOf(route.replace("[...rest]", "[rest]"), {
      locale: LOCALES[index % LOCALES.length]!,
      slug: "2017",
      id: route.includes("/sessions/") ? demo.opening : "no-such-id",
      token: "no-such-token",
      rest: "no-such-page",
    });
    const response = await admin.get(url);
    expect(response.status(), url).toBeLessThan(500);
    expect(response.headers()["content-type"], url).toMatch(/^text\/html/);
    const links = linksOf(await response.text());
    for (const { rel, href } of LINKS) expect(links, url).toContain(`${rel} ${href}`);

    // Icons are images and the manifest falls back to default-src: both from the site itself.
    const policy = Object.fromEntries(
      response
        .headers()
        ["content-security-policy"]!.split(";")
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...sources]) => [name, sources]),
    ) as Record<string, string[]>;
    expect(policy["img-src"] ?? policy["default-src"], url).toContain("'self'");
    expect(policy["manifest-src"] ?? policy["default-src"], url).toContain("'self'");
  }
  await admin.dispose();
});

test("the browser finds the icons and the manifest in the page's head", async ({ page }) => {
  await page.goto("/en/meetings/2017");
  for (const { rel, href } of LINKS)
    await expect(page.locator(`head link[rel="${rel}"][href="${href}"]`)).toHaveCount(1);
  const icon = await page.evaluate(async () => {
    const image = new Image();
    image.src = "/icon.svg";
    await image.decode();
    return [image.naturalWidth, image.naturalHeight];
  });
  expect(icon[0]).toBeGreaterThan(0);
  expect(icon[0]).toBe(icon[1]);
});
