// Group commit: requests that arrive together share one transaction and one fsync. Each caller's
// promise settles only after the transaction that holds its work has committed, so an acknowledgement
// still means "on disk" — there is no in-memory queue a crash could lose after a 2xx. At most `writers` groups
// are written at a time: requests arriving while they commit form the next group, written as soon as one is done.
// The store says how many (Store.special.groupCommitWriters): SQLite has one writer; on PostgreSQL several groups
// could commit side by side, one visitor's taking turns on their row's lock (db/dialects/postgres/ingest.ts).
export type GroupCommitter<Item, Result> = { submit(item: Item): Promise<Result> };

type Entry<Item, Result> = { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void };

/**
 * `write` receives every item submitted in one turn of the event loop (or while the writers were busy) and must
 * store them all in one transaction, resolving to one result per item. A rejection rejects every caller in that
 * group.
 */
export function createGroupCommitter<Item, Result>(
  write: (items: Item[]) => Promise<Result[]>,
  options: { writers?: number } = {},
): GroupCommitter<Item, Result> {
  const writers = Math.max(1, options.writers ?? 1);
  let pending: Entry<Item, Result>[] = [];
  let scheduled = false;
  let writing = 0;

  function schedule(): void {
    if (scheduled || writing >= writers || pending.length === 0) return;
    scheduled = true;
    // After the current I/O phase: every request whose body finished in it joins this group.
    setImmediate(flush);
  }

  function flush(): void {
    scheduled = false;
    const group = pending;
    pending = [];
    writing += 1;
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
        writing -= 1;
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
