// PostgreSQL's spelling of what the dialects write differently (db/store.ts, DialectSql).
import "server-only";
import { sql } from "drizzle-orm";
import type { DialectSql } from "@/db/store";

export const postgresSql: DialectSql = {
  jsonText: (column, key) => sql`(${column} ->> ${key})`,
  greatest: (a, b) => sql`greatest(${a}, ${b})`,
  least: (a, b) => sql`least(${a}, ${b})`,
  skipLocked: () => sql`for update skip locked`,
  utcDay: (epochMs) => sql`to_char(to_timestamp(${epochMs} / 1000.0) at time zone 'UTC', 'YYYY-MM-DD')`,
  indexedBy: () => sql``,
  literal: (value) => sql.raw(value ? "true" : "false"),
};
