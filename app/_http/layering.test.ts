import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * HTTP lives under app/: the domain layer (app/_server) returns values and throws AppError, and the route
 * layer (route handlers, proxy.ts, app/_http) makes the Responses. A Response built in app/_server fails here.
 */
const SERVER = path.join(import.meta.dirname, "..", "_server");
const MAKES_A_RESPONSE =
  /\bnew (Next)?Response\b|\b(Next)?Response\.(json|redirect|error)\(|\bNextResponse\b/;

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("where Responses are made", () => {
  it("never in app/_server", () => {
    const offenders = sources(SERVER).filter((file) => MAKES_A_RESPONSE.test(readFileSync(file, "utf8")));
    expect(offenders.map((file) => path.relative(SERVER, file))).toEqual([]);
  });
});
