// PostgreSQL column types that give the same TypeScript values as their SQLite twins in schema.ts, so one set
// of query code and one set of row types serve both databases (tests/unit/db/schema-parity.test.ts holds them
// together). Times are epoch milliseconds in a bigint on both sides: raw SQL compares them with the same
// numbers, and an index orders them the same way.
import { sql } from "drizzle-orm";
import { customType } from "drizzle-orm/pg-core";

/** A `timestamp_ms` instant: bigint milliseconds in the database, a Date in TypeScript. */
export const epochMs = customType<{ data: Date; driverData: number | string }>({
  dataType: () => "bigint",
  toDriver: (value) => value.getTime(),
  fromDriver: (value) => new Date(Number(value)),
});

/**
 * The id of the transaction that wrote a row (`pg_current_xact_id()`). Readers that resume after the last row
 * they saw order by it and stop below the oldest running transaction, because a sequence value is not commit
 * order on PostgreSQL (db/dialects/postgres/commit-order.ts). Kept as text: an xid8 does not fit a JS number.
 */
export const transactionId = customType<{ data: string; driverData: string }>({
  dataType: () => "xid8",
});

/** The same instant SQLite's `unixepoch('subsec') * 1000` gives, for `created_at` defaults. */
export const nowMs = sql`((extract(epoch from clock_timestamp()) * 1000)::bigint)`;
