// A drizzle database for libraries that build and await their own queries (better-auth's adapter): each query
// runs when awaited, through the gate, so it never lands inside another caller's open transaction on the one
// connection. drizzle's SQLite builders execute synchronously inside `then`, so running `then` in the gate's
// turn runs the statement there. Builders are wrapped as they are chained; everything else passes through.
import "server-only";
import type { Gate } from "./gate";

export function gatedDrizzle<Database extends object>(db: Database, gate: Gate): Database {
  const wrapped = new WeakMap<object, object>();
  const wrap = (value: unknown): unknown => {
    if (!value || typeof value !== "object" || typeof (value as { then?: unknown }).then !== "function") return value;
    let proxy = wrapped.get(value);
    if (!proxy) {
      proxy = new Proxy(value, handler);
      wrapped.set(value, proxy);
    }
    return proxy;
  };
  const handler: ProxyHandler<object> = {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (property === "then" && typeof value === "function") {
        return (onFulfilled?: (result: unknown) => unknown, onRejected?: (error: unknown) => unknown) =>
          gate.run(() => value.call(target, onFulfilled, onRejected) as Promise<unknown>);
      }
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => wrap(value.apply(target, args));
    },
  };
  return new Proxy(db, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => wrap(value.apply(target, args));
    },
  });
}
