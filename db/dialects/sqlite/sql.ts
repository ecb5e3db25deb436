// SQLite's spelling of what the dialects write differently (db/store.ts, DialectSql).
import "server-only";
import { sql } from "drizzle-orm";
import type { DialectSql } from "@/db/store";

export const sqliteSql: DialectSql = {
  jsonText: (column, key) => sql`json_extract(${column}, ${`$.${key}`})`,
  greatest: (a, b) => sql`max(${a}, ${b})`,
  least: (a, b) => sql`min(${a}, ${b})`,
  skipLocked: () => sql``,
  utcDay: (epochMs) => sql`date(${epochMs} / 1000, 'unixepoch')`,
  indexedBy: (indexName) => sql`indexed by ${sql.identifier(indexName)}`,
  literal: (value) => sql.raw(value ? "1" : "0"),
};
