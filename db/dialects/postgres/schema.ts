// The control plane's tables for PostgreSQL, made from the one definition in db/control/schema.ts, so the two
// databases cannot drift: every column, default, key and index below is read off the SQLite table. What differs
// is said here once: column types (timestamps stay epoch milliseconds in a bigint, booleans become boolean,
// JSON becomes jsonb, integers bigint), the "now" default, one partial index's predicate, and the commit-order
// columns of `events`. `npm run db:generate` runs drizzle-kit on this file for the PostgreSQL migrations.
import { is, type SQL, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  foreignKey,
  type IndexBuilder,
  index,
  jsonb,
  type PgColumnBuilderBase,
  type PgTableWithColumns,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { getTableConfig, type SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as definition from "@/db/control/schema";
import { epochMs, nowMs, transactionId } from "./columns";

// biome-ignore lint/suspicious/noExplicitAny: the derived tables are typed through the SQLite definition (db/store.ts).
type AnyPgTable = PgTableWithColumns<any>;

/** Index predicates written for SQLite that PostgreSQL reads otherwise (a boolean is not an integer there). */
const predicates: Record<string, SQL> = {
  hot_list_facets_raised_rank: sql`hand_raised`,
};

/**
 * Columns only PostgreSQL needs: the transaction that wrote each event and a sequence, which together give
 * readers commit order (SQLite's rowid already is, with its single writer). See ./events-cursor.ts.
 */
const extraColumns: Record<string, () => Record<string, PgColumnBuilderBase>> = {
  events: () => ({
    seq: bigserial("seq", { mode: "number" }).notNull(),
    txid: transactionId("txid").notNull().default(sql`pg_current_xact_id()`),
  }),
};
const extraIndexes: Record<string, (table: Record<string, AnyPgColumn>) => IndexBuilder[]> = {
  events: (table) => [index("events_commit_order").on(table.txid as AnyPgColumn, table.seq as AnyPgColumn)],
};

function defaultFor(column: SQLiteColumn): unknown {
  if (column.default === definition.nowMsDefault) return nowMs;
  if (column.default !== undefined && typeof column.default === "object") {
    throw new Error(`${column.name}: no PostgreSQL form for this SQL default; add one in db/dialects/postgres/schema.ts`);
  }
  return column.default;
}

function columnFor(column: SQLiteColumn): PgColumnBuilderBase {
  const autoIncrement = (column as { autoIncrement?: boolean }).autoIncrement === true;
  // biome-ignore lint/suspicious/noExplicitAny: each builder below is one of drizzle's own, chained generically.
  let built: any;
  switch (column.columnType) {
    case "SQLiteText":
      built = text(column.name, column.enumValues ? { enum: column.enumValues as [string, ...string[]] } : {});
      break;
    case "SQLiteTextJson":
      built = jsonb(column.name);
      break;
    case "SQLiteInteger":
      built = autoIncrement ? bigserial(column.name, { mode: "number" }) : bigint(column.name, { mode: "number" });
      break;
    case "SQLiteTimestamp":
      if ((column as { mode?: string }).mode !== "timestamp_ms") throw new Error(`${column.name}: use timestamp_ms for instants`);
      built = epochMs(column.name);
      break;
    case "SQLiteBoolean":
      built = boolean(column.name);
      break;
    case "SQLiteReal":
      built = doublePrecision(column.name);
      break;
    default:
      throw new Error(`${column.name}: no PostgreSQL type for ${column.columnType}; add one in db/dialects/postgres/schema.ts`);
  }
  if (column.primary) built = built.primaryKey();
  else if (column.notNull) built = built.notNull();
  if (column.isUnique) built = built.unique(column.uniqueName);
  const value = defaultFor(column);
  if (value !== undefined && !autoIncrement) built = built.default(value);
  return built;
}

function postgresTable(source: SQLiteTable, tables: Map<string, AnyPgTable>): AnyPgTable {
  const config = getTableConfig(source);
  const columns: Record<string, PgColumnBuilderBase> = {};
  const keyOf = new Map<string, string>();
  for (const [key, column] of Object.entries(source) as [string, unknown][]) {
    if (!(column && typeof column === "object" && "columnType" in column)) continue;
    columns[key] = columnFor(column as SQLiteColumn);
    keyOf.set((column as SQLiteColumn).name, key);
  }
  Object.assign(columns, extraColumns[config.name]?.());
  return pgTable(config.name, columns, (table) => {
    const cols = table as unknown as Record<string, AnyPgColumn>;
    const byName = (column: unknown) => {
      const key = keyOf.get((column as SQLiteColumn).name);
      const found = key ? cols[key] : undefined;
      if (!found) throw new Error(`${config.name}: index or key on something other than a column`);
      return found;
    };
    const foreignOf = (column: SQLiteColumn) => {
      const target = tables.get(getTableConfig(column.table as SQLiteTable).name);
      const found = target?.[(Object.entries(column.table) as [string, unknown][]).find(([, value]) => value === column)?.[0] ?? ""];
      if (!found) throw new Error(`${config.name}: a foreign key points at a table this file does not know`);
      return found as AnyPgColumn;
    };
    const extras = [];
    for (const key of config.primaryKeys) {
      const [first, ...rest] = key.columns.map(byName);
      if (first) extras.push(primaryKey({ columns: [first, ...rest] }));
    }
    for (const { config: spec } of config.indexes) {
      const [first, ...rest] = spec.columns.map(byName);
      if (!first) continue;
      const made = (spec.unique ? uniqueIndex(spec.name) : index(spec.name)).on(first, ...rest);
      const where = spec.where && (predicates[spec.name] ?? spec.where);
      extras.push(where ? made.where(where) : made);
    }
    for (const key of config.foreignKeys) {
      const reference = key.reference();
      const made = foreignKey({
        name: key.getName(),
        columns: reference.columns.map(byName) as [AnyPgColumn, ...AnyPgColumn[]],
        foreignColumns: reference.foreignColumns.map(foreignOf) as [AnyPgColumn, ...AnyPgColumn[]],
      });
      if (key.onDelete) made.onDelete(key.onDelete);
      if (key.onUpdate) made.onUpdate(key.onUpdate);
      extras.push(made);
    }
    extras.push(...(extraIndexes[config.name]?.(cols) ?? []));
    return extras;
  });
}

function postgresTables() {
  const tables = new Map<string, AnyPgTable>();
  const byExport: Record<string, AnyPgTable> = {};
  for (const [name, value] of Object.entries(definition)) {
    if (!is(value, SQLiteTable)) continue;
    const table = postgresTable(value, tables);
    tables.set(getTableConfig(value).name, table);
    byExport[name] = table;
  }
  return byExport as { [Name in keyof typeof definition as (typeof definition)[Name] extends SQLiteTable ? Name : never]: AnyPgTable };
}

export const tables = postgresTables();

// drizzle-kit finds tables among a module's named exports, so each is named once more here.
export const {
  demos,
  demoCheckRuns,
  visitors,
  accounts,
  shareLinks,
  shoulderViews,
  sandboxes,
  nodes,
  sandboxInvites,
  sandboxMembers,
  previewSandboxes,
  events,
  visitorSessions,
  eventDailyCounts,
  conversations,
  conversationMessages,
  liveEvents,
  teamPresence,
  webhooks,
  webhookOutbox,
  visitorActivity,
  accountActivity,
  hotListFacets,
  funnelMarks,
  funnelCounts,
  foldWatermarks,
  user,
  session,
  account,
  rateLimit,
  rateLimitBuckets,
  handRaises,
  verification,
} = tables;
