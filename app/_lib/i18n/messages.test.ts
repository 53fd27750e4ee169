import { describe, expect, it } from "vitest";
import { locales } from "./locales";
import { messages } from "./messages";

/** "a.b.c" paths of every string in a message tree. */
function keyPaths(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keyPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function valueAt(tree: object, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], tree);
}

/** ICU placeholders such as {count} or {left, plural, …}: a translation must use the same ones. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\s*([a-zA-Z]+)\s*[,}]/g)].map((match) => match[1]!))].sort();
}

describe("user-facing strings", () => {
  const reference = keyPaths(messages.de).sort();

  it.each(locales)("%s has exactly the keys of every other language, none empty", (locale) => {
    const keys = keyPaths(messages[locale]).sort();
    expect(keys).toEqual(reference);
    for (const key of keys)
      expect(String(valueAt(messages[locale], key)).trim(), `${locale}:${key}`).not.toBe("");
  });

  it.each(locales)("%s uses the same placeholders as German", (locale) => {
    for (const key of reference) {
      const german = placeholders(String(valueAt(messages.de, key)));
      const translated = placeholders(String(valueAt(messages[locale], key)));
      expect(translated, `${locale}:${key}`).toEqual(german);
    }
  });

  it("the check itself catches a missing key", () => {
    const broken = structuredClone(messages.en) as unknown as Record<string, Record<string, string>>;
    delete broken.site!.home;
    expect(keyPaths(broken).sort()).not.toEqual(reference);
  });
});
