import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The outbox is a mechanism (README, "What is where"): it knows the domains that send email only through
 * what they register for their kinds (kinds.ts), never by importing them, types included. It may use
 * the other mechanisms and the code shared by both sides.
 */
const SERVER = path.resolve(import.meta.dirname, "..");
const MECHANISMS = new Set(["db", "env", "errors", "authz", "database", "audit", "security", "generated"]);

/** Every module a file imports, statically or dynamically, as written. */
function specifiers(source: string): string[] {
  return [...source.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map((match) => match[1]!);
}

/** The top-level entry of app/_server that a specifier reaches, or null when it leaves app/_server. */
function serverEntry(file: string, specifier: string): string | null {
  const target = specifier.startsWith("@/")
    ? path.resolve(SERVER, "../..", specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(file), specifier)
      : null;
  if (target === null) return null;
  const relative = path.relative(SERVER, target);
  if (relative.startsWith("..")) return specifier.startsWith("@/prisma") ? "prisma" : null;
  return relative.split(path.sep)[0]!.replace(/\.tsx?$/, "");
}

describe("app/_server/mail", () => {
  it("imports no domain, not even a type, in its modules and its tests", () => {
    const mail = path.join(SERVER, "mail");
    const found: string[] = [];
    // This file names domains in its own examples below.
    const names = readdirSync(mail).filter((entry) => /\.tsx?$/.test(entry) && entry !== "layers.test.ts");
    for (const name of names) {
      const file = path.join(mail, name);
      for (const specifier of specifiers(readFileSync(file, "utf8"))) {
        const entry = serverEntry(file, specifier);
        if (entry !== null && entry !== "mail" && !MECHANISMS.has(entry)) found.push(`${name}: ${specifier}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("finds a domain import where there is one", () => {
    const file = path.join(SERVER, "mail", "outbox.ts");
    expect(serverEntry(file, "../registration/check-in-link")).toBe("registration");
    expect(serverEntry(file, "@/app/_server/calendar/ics")).toBe("calendar");
    expect(serverEntry(file, "@/prisma/seed")).toBe("prisma");
    expect(serverEntry(file, "./links")).toBe("mail");
    expect(serverEntry(file, "@/app/_lib/time")).toBeNull();
    expect(specifiers('import type { A } from "../registration/view";\nawait import("./x");')).toEqual([
      "../registration/view",
      "./x",
    ]);
  });
});
