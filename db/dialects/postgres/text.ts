// PostgreSQL text cannot hold a NUL character, and jsonb refuses the \u0000 escape; SQLite stores both. Input
// that carries one (a NUL in a URL, a cookie, a signal's props) would fail the whole statement — on ingest, the
// whole group commit — where SQLite answers normally. So every string sent to PostgreSQL has its NULs replaced
// by U+FFFD: a lookup by such a value finds nothing (no stored text has a NUL), as on SQLite, and a write keeps
// the rest of the text.
import "server-only";
import type postgres from "postgres";

export function withoutNul<Value>(value: Value): Value {
  if (typeof value === "string") return value.replaceAll("\u0000", "\uFFFD").replaceAll("\\u0000", "\\ufffd") as Value;
  if (Array.isArray(value)) return value.map(withoutNul) as Value;
  return value;
}

/** The client with every `unsafe` query's parameters cleaned (drizzle sends all its queries through `unsafe`). */
export function nulSafe<Client extends Pick<postgres.Sql, "unsafe">>(client: Client): Client {
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key !== "unsafe") return Reflect.get(target, key, receiver);
      return (query: string, parameters?: unknown[], options?: unknown) =>
        (target.unsafe as (...args: unknown[]) => unknown)(query, parameters?.map(withoutNul), options);
    },
  });
}
