import "server-only";

/**
 * Group commit: requests that arrive while earlier ones are being written are written together, by one
 * statement or transaction for the whole group, instead of one each. When registration opens, hundreds
 * of delegates arrive within a second; written one by one, the server spent most of its time on round
 * trips to the database, and each registration held the locks of the sessions everyone wanted for all
 * of its own. The first request of a quiet moment is written at once, alone: nobody waits for a group
 * to fill.
 */

/** What waits to be written: `write` settles it; should `write` itself throw, `reject` gets the error. */
export type Waiting = { reject: (error: unknown) => void };

export type GroupOptions<T> = {
  /** The most a group holds: its transaction, and the work redone should it fail, stay short. */
  limit: number;
  /** Whether `item` may join `group` (never empty); one that may not waits for a later group. */
  joins?: (group: readonly T[], item: T) => boolean;
};

/**
 * A function that queues an item; `write` gets the items in groups, in order of arrival, one group at a
 * time, and settles each. (Two groups at a time were measured no faster: the second waited for the
 * first one's locks, and the groups were smaller.)
 */
export function groupWriter<T extends Waiting>(
  write: (group: T[]) => Promise<void>,
  options: GroupOptions<T>,
): (item: T) => void {
  const waiting: T[] = [];
  let writing = false;

  const takeGroup = (): T[] => {
    const group: T[] = [];
    for (let index = 0; index < waiting.length && group.length < options.limit;) {
      if (group.length > 0 && options.joins && !options.joins(group, waiting[index]!)) index++;
      else group.push(...waiting.splice(index, 1));
    }
    return group;
  };

  const drain = async () => {
    writing = true;
    try {
      while (waiting.length > 0) {
        const group = takeGroup();
        await write(group).catch((error: unknown) => group.forEach((item) => item.reject(error)));
      }
    } finally {
      writing = false;
    }
  };

  return (item) => {
    waiting.push(item);
    if (!writing) void drain();
  };
}
