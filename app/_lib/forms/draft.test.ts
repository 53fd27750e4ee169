import { describe, expect, it } from "vitest";
import { draftOf, restoredState, saveDraft, takeDraft, type DraftControl } from "./draft";

const controls: DraftControl[] = [
  { name: "formToken", type: "hidden", value: "secret-token" },
  { name: "$ACTION_ID_1", type: "hidden", value: "" },
  { name: "givenName", type: "text", value: "Fang" },
  { name: "familyName", type: "text", value: "Wang" },
  { name: "language", type: "select-one", value: "de" },
  { name: "interpretation", type: "checkbox", value: "de", checked: true },
  { name: "interpretation", type: "checkbox", value: "zh", checked: true },
  { name: "interpretation", type: "checkbox", value: "en", checked: false },
  { name: "photoConsent", type: "checkbox", value: "on", checked: false },
  { name: "password", type: "password", value: "hunter2" },
];

/** A Storage in memory, as the browser's sessionStorage behaves. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe("drafts of a form", () => {
  it("keep only the fields the visitor touched, never tokens or passwords", () => {
    const draft = draftOf(
      controls,
      new Set(["givenName", "interpretation", "photoConsent", "password", "formToken"]),
    );
    expect(draft).toEqual({
      fields: ["givenName", "interpretation", "photoConsent"],
      values: { givenName: "Fang", interpretation: ["de", "zh"] },
    });
  });

  it("keep every field once the form was sent", () => {
    expect(draftOf(controls, "all").fields).toEqual([
      "givenName",
      "familyName",
      "language",
      "interpretation",
      "photoConsent",
    ]);
  });

  it("restore what they name and leave the rest to the new page's defaults", () => {
    const draft = {
      fields: ["givenName", "interpretation", "photoConsent"],
      values: { givenName: "Fang", interpretation: ["zh"] },
    };
    expect(restoredState({ name: "givenName", type: "text", value: "" }, draft)).toEqual({ value: "Fang" });
    expect(restoredState({ name: "language", type: "select-one", value: "zh" }, draft)).toBeNull();
    expect(restoredState({ name: "interpretation", type: "checkbox", value: "zh" }, draft)).toEqual({
      checked: true,
    });
    expect(
      restoredState({ name: "interpretation", type: "checkbox", value: "de", checked: true }, draft),
    ).toEqual({
      checked: false,
    });
    expect(
      restoredState({ name: "photoConsent", type: "checkbox", value: "on", checked: true }, draft),
    ).toEqual({
      checked: false,
    });
    expect(
      restoredState(
        { name: "formToken", type: "hidden", value: "new" },
        { fields: ["formToken"], values: { formToken: "old" } },
      ),
    ).toBeNull();
  });

  it("are read once, and a broken or foreign entry counts as none", () => {
    const storage = memoryStorage();
    saveDraft(storage, "register:2017", { fields: ["email"], values: { email: "a@example.org" } });
    expect(takeDraft(storage, "register:2017")).toEqual({
      fields: ["email"],
      values: { email: "a@example.org" },
    });
    expect(takeDraft(storage, "register:2017")).toBeNull();
    storage.setItem("form-draft:x", "{not json");
    expect(takeDraft(storage, "x")).toBeNull();
    storage.setItem("form-draft:y", JSON.stringify({ fields: ["a"], values: { a: 1 } }));
    expect(takeDraft(storage, "y")).toBeNull();
    expect(storage.length).toBe(0);
  });
});
