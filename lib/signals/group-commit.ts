// Group commit: requests that arrive together share one transaction and one fsync. Each caller's
// promise settles only after the transaction that holds its work has committed, so an acknowledgement
// still means "on disk" — there is no in-memory queue a crash could lose after a 2xx.
export type GroupCommitter<Item, Result> = { submit(item: Item): Promise<Result> };

/**
 * `write` receives every item submitted in one turn of the event loop and must store them all in one
 * transaction, returning one result per item. A throw rejects every caller in that group.
 */
export function createGroupCommitter<Item, Result>(write: (items: Item[]) => Result[]): GroupCommitter<Item, Result> {
  let pending: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    const group = pending;
    pending = [];
    try {
      const results = write(group.map((entry) => entry.item));
      group.forEach((entry, index) => {
        entry.resolve(results[index] as Result);
      });
    } catch (error) {
      for (const entry of group) entry.reject(error);
    }
  }

  return {
    submit(item) {
      return new Promise<Result>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          // After the current I/O phase: every request whose body finished in it joins this group.
          setImmediate(flush);
        }
      });
    },
  };
}
