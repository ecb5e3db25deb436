// Which transaction, if any, the running async code is inside. A query through the outer store from inside a
// transaction body is a bug on both databases — on SQLite it would wait forever for the connection its own
// transaction holds, on PostgreSQL it would run outside the transaction — so the outer store refuses it.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

type Scope = { open: boolean };

export type TransactionScope = {
  /** Runs `body` as inside a transaction until it settles. */
  within<Result>(body: () => Promise<Result>): Promise<Result>;
  /** Throws when called from inside an open transaction's body. */
  assertOutside(): void;
};

export function createTransactionScope(): TransactionScope {
  const storage = new AsyncLocalStorage<Scope>();
  return {
    async within(body) {
      // Background work started inside the body keeps this scope after the transaction ends; `open` lets it
      // use the outer store then.
      const scope: Scope = { open: true };
      try {
        return await storage.run(scope, body);
      } finally {
        scope.open = false;
      }
    },
    assertOutside() {
      if (storage.getStore()?.open) {
        throw new Error("A query used the outer store inside a transaction: pass the transaction's `tx` instead");
      }
    },
  };
}
