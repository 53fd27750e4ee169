import { describe, expect, it } from "vitest";
import { isPermutationOf, moveById, moveItem } from "./ceremony-order";

describe("isPermutationOf", () => {
  it("accepts the same ids in any order", () => {
    expect(isPermutationOf(["a", "b", "c"], ["c", "a", "b"])).toBe(true);
    expect(isPermutationOf([], [])).toBe(true);
  });

  it("refuses a missing, an extra, a foreign or a repeated id", () => {
    expect(isPermutationOf(["a", "b", "c"], ["a", "b"])).toBe(false);
    expect(isPermutationOf(["a", "b"], ["a", "b", "c"])).toBe(false);
    expect(isPermutationOf(["a", "b", "c"], ["a", "b", "x"])).toBe(false);
    expect(isPermutationOf(["a", "b", "c"], ["a", "a", "b"])).toBe(false);
  });
});

describe("moveItem", () => {
  it("moves an item to a new index and leaves the input as it was", () => {
    const items = ["a", "b", "c", "d"];
    expect(moveItem(items, 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(moveItem(items, 3, 0)).toEqual(["d", "a", "b", "c"]);
    expect(items).toEqual(["a", "b", "c", "d"]);
  });

  it("clamps the target and ignores an index outside the list", () => {
    expect(moveItem(["a", "b"], 0, 9)).toEqual(["b", "a"]);
    expect(moveItem(["a", "b"], 1, -3)).toEqual(["b", "a"]);
    expect(moveItem(["a", "b"], 5, 0)).toEqual(["a", "b"]);
  });
});

describe("moveById", () => {
  const rows = [{ id: "a" }, { id: "b" }, { id: "c" }];
  const ids = (list: { id: string }[]) => list.map((row) => row.id);

  it("moves one place up or down", () => {
    expect(ids(moveById(rows, (row) => row.id, "b", "up"))).toEqual(["b", "a", "c"]);
    expect(ids(moveById(rows, (row) => row.id, "b", "down"))).toEqual(["a", "c", "b"]);
  });

  it("stays put at either end and for an unknown id", () => {
    expect(ids(moveById(rows, (row) => row.id, "a", "up"))).toEqual(["a", "b", "c"]);
    expect(ids(moveById(rows, (row) => row.id, "c", "down"))).toEqual(["a", "b", "c"]);
    expect(ids(moveById(rows, (row) => row.id, "x", "up"))).toEqual(["a", "b", "c"]);
  });
});
