import "server-only";
import { isUniqueViolation } from "../database/errors";
import { invalid } from "../errors";

/**
 * Slugs typed by organizers (meetings, people) or made from a name (rooms, tracks, people): the one
 * answer when one is taken, and the one way of making a free one.
 */

export const slugTaken = () => invalid({ slug: { key: "slugTaken" } });

/**
 * Runs `run` and answers a unique index refusing the slug as `slugTaken`: someone took it between the
 * check and the write, which is the same answer as the check's.
 */
export async function withSlugCheck<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error, "slug")) throw slugTaken();
    throw error;
  }
}

/** `base` ("saal-2"), or the first of "saal-2-2", "saal-2-3", … that `taken` says is free. */
export async function firstFreeSlug(
  base: string,
  taken: (slug: string) => Promise<boolean>,
): Promise<string> {
  for (let suffix = 1; ; suffix += 1) {
    const candidate = suffix === 1 ? base : `${base}-${suffix}`;
    if (!(await taken(candidate))) return candidate;
  }
}
