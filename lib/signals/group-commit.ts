// Group commit: requests that arrive together share one transaction and one fsync. Each caller's
// promise settles only after the transaction that holds its work has committed, so an acknowledgement
// still means "on disk" — there is no in-memory queue a crash could lose after a 2xx. One group is written at
// a time: requests arriving while it commits form the next group, which is written as soon as it is done.
export type GroupCommitter<Item, Result> = { submit(item: Item): Promise<Result> };

type Entry<Item, Result> = { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void };

/**
 * `write` receives every item submitted in one turn of the event loop (or while the previous group was being
 * written) and must store them all in one transaction, resolving to one result per item. A rejection rejects
 * every caller in that group.
 */
export function createGroupCommitter<Item, Result>(write: (items: Item[]) => Promise<Result[]>): GroupCommitter<Item, Result> {
  let pending: Entry<Item, Result>[] = [];
  let scheduled = false;
  let writing = false;

  function schedule(): void {
    if (scheduled || writing || pending.length === 0) return;
    scheduled = true;
    // After the current I/O phase: every request whose body finished in it joins this group.
    setImmediate(flush);
  }

  function flush(): void {
    scheduled = false;
    const group = pending;
    pending = [];
    writing = true;
    let written: Promise<Result[]>;
    try {
      written = write(group.map((entry) => entry.item));
    } catch (error) {
      written = Promise.reject(error);
    }
    written
      .then(
        (results) => {
          group.forEach((entry, index) => {
            entry.resolve(results[index] as Result);
          });
        },
        (error: unknown) => {
          for (const entry of group) entry.reject(error);
        },
      )
      .finally(() => {
        writing = false;
        schedule();
      });
  }

  return {
    submit(item) {
      return new Promise<Result>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        schedule();
      });
    },
  };
}
