// The one SQLite connection, taken in turns. A transaction holds it across awaits (better-sqlite3 cannot await
// inside its own transaction()), and any statement from elsewhere would otherwise run inside that transaction.
// A statement outside a transaction runs at once when nobody holds the connection — the usual case, at no
// cost — and otherwise waits its turn, first come first served.
import "server-only";

export type Gate = {
  /** Runs `work` (synchronous statements) alone, now or in its turn. */
  run<Result>(work: () => Result): Promise<Result>;
  /** Holds the connection until the returned release is called. */
  hold(): Promise<() => void>;
  /** Whether someone holds the connection now. */
  readonly busy: boolean;
};

export function createGate(): Gate {
  let held = false;
  const waiting: (() => void)[] = [];

  function release(): void {
    const next = waiting.shift();
    // Handed straight to the next in line, so nothing can slip in between.
    if (next) next();
    else held = false;
  }

  function hold(): Promise<() => void> {
    if (!held) {
      held = true;
      return Promise.resolve(release);
    }
    return new Promise((resolve) => waiting.push(() => resolve(release)));
  }

  return {
    run(work) {
      if (!held) {
        try {
          return Promise.resolve(work());
        } catch (error) {
          return Promise.reject(error);
        }
      }
      return hold().then((done) => {
        try {
          return work();
        } finally {
          done();
        }
      });
    },
    hold,
    get busy() {
      return held;
    },
  };
}
