/**
 * Reordering of ceremony lists (segments, the order of precedence). Pure: the editor moves items locally
 * to preview the new times, and the server checks that an order it is sent names exactly the items it
 * holds, so that a stale page can neither drop a segment nor bring back a deleted one.
 */

/** Whether `proposed` is a rearrangement of `current`: the same ids, each once. */
export function isPermutationOf(current: readonly string[], proposed: readonly string[]): boolean {
  if (current.length !== proposed.length) return false;
  const remaining = new Set(current);
  if (remaining.size !== current.length) return false;
  for (const id of proposed) {
    if (!remaining.delete(id)) return false;
  }
  return remaining.size === 0;
}

/** The list with the item at `from` moved to index `to` (clamped to the list); a copy, the input stays. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  if (from < 0 || from >= copy.length) return copy;
  const target = Math.max(0, Math.min(copy.length - 1, to));
  const [item] = copy.splice(from, 1);
  copy.splice(target, 0, item as T);
  return copy;
}

export type Direction = "up" | "down";

/** The list with the item of this id one place earlier or later; unchanged at either end or for an unknown id. */
export function moveById<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  id: string,
  direction: Direction,
): T[] {
  const index = items.findIndex((item) => idOf(item) === id);
  if (index < 0) return [...items];
  return moveItem(items, index, direction === "up" ? index - 1 : index + 1);
}
