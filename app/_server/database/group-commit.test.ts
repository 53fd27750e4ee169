import { describe, expect, it } from "vitest";
import { groupWriter } from "./group-commit";

type Item = {
  name: string;
  key?: string;
  resolve: (group: string) => void;
  reject: (error: unknown) => void;
};

/** A writer that records its groups and answers each item with its group's names; `fail` makes a group's write throw. */
function recorder(
  limit: number,
  options: {
    joins?: (group: readonly Item[], item: Item) => boolean;
    fail?: (group: Item[]) => boolean;
  } = {},
) {
  const groups: string[][] = [];
  const queue = groupWriter<Item>(
    async (group) => {
      groups.push(group.map((item) => item.name));
      // Items that arrive while this group is written must wait for the next one.
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (options.fail?.(group)) throw new Error(`group of ${group[0]!.name} failed`);
      for (const item of group) item.resolve(group.map((member) => member.name).join(","));
    },
    { limit, joins: options.joins },
  );
  const add = (name: string, key?: string) =>
    new Promise<string>((resolve, reject) => queue({ name, key, resolve, reject }));
  return { groups, add };
}

describe("groupWriter", () => {
  it("writes the first item at once, alone, and what arrives meanwhile together, in order, up to the limit", async () => {
    const { groups, add } = recorder(3);
    const answers = await Promise.all(["a", "b", "c", "d", "e", "f"].map((name) => add(name)));
    expect(groups).toEqual([["a"], ["b", "c", "d"], ["e", "f"]]);
    expect(answers).toEqual(["a", "b,c,d", "b,c,d", "b,c,d", "e,f", "e,f"]);
    // A quiet moment later, the next item is again written at once, alone.
    expect(await add("g")).toBe("g");
    expect(groups.at(-1)).toEqual(["g"]);
  });

  it("keeps an item that may not join a group for a later one, without holding up those behind it", async () => {
    const { groups, add } = recorder(10, {
      joins: (group, item) => !group.some((member) => member.key === item.key),
    });
    await Promise.all([add("a", "k1"), add("b", "k1"), add("c", "k1"), add("d", "k2"), add("e", "k3")]);
    expect(groups).toEqual([["a"], ["b", "d", "e"], ["c"]]);
  });

  it("rejects every item of a group whose write throws, and goes on with the next group", async () => {
    const { groups, add } = recorder(10, { fail: (group) => group[0]!.name === "b" });
    const outcomes = await Promise.allSettled([add("a"), add("b"), add("c")]);
    expect(
      outcomes.map((outcome) =>
        outcome.status === "fulfilled" ? outcome.value : (outcome.reason as Error).message,
      ),
    ).toEqual(["a", "group of b failed", "group of b failed"]);
    expect(await add("d")).toBe("d");
    expect(groups).toEqual([["a"], ["b", "c"], ["d"]]);
  });
});
