// The control plane on embedded SQLite: one better-sqlite3 connection per process (WAL, synchronous=FULL: a
// 2xx from /api/signals promises the event is on disk), taken in turns by the gate (./gate.ts) so that an async
// transaction never shares the connection with statements from elsewhere.
import "server-only";
import Database from "better-sqlite3";
import type { SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import * as definition from "@/db/control/schema";
import { openSqlite } from "@/db/sqlite";
import type { ControlStore, QueryBuilder, RowQuery, RowsQuery, Store, Tables, WriteQuery } from "@/db/store";
import { createTransactionScope } from "@/db/transaction-scope";
import { startCheckpointer } from "./checkpointer";
import { sqliteEventsCursor } from "./events-cursor";
import { createGate } from "./gate";
import { gatedDrizzle } from "./gated-drizzle";
import { sqliteIngest } from "./ingest";
import { sqliteSql } from "./sql";

type Pass = <Result>(work: () => Result) => Promise<Result>;

const checkpointEveryMs = 1_000;
/** Renders a drizzle SQL fragment to text and parameters, for the reads on a connection of their own. */
const renderer = new SQLiteSyncDialect();

/**
 * A long read on a read-only connection of its own: better-sqlite3 refuses other statements on a connection
 * mid-iteration, and the shared one must stay free for ingest while a slow client reads an export.
 */
async function* streamRows<Row>(file: string, query: { sql: string; params: unknown[] }, batchSize: number): AsyncGenerator<Row[]> {
  const reader = new Database(file, { readonly: true, fileMustExist: true });
  try {
    reader.pragma("busy_timeout = 5000");
    let batch: Row[] = [];
    for (const row of reader.prepare(query.sql).iterate(...query.params) as IterableIterator<Row>) {
      batch.push(row);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    reader.close();
  }
}

const now: Pass = (work) => {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error);
  }
};

export function openSqliteStore(file: string, options: { migrationsFolder: string }): ControlStore & { sqlite: Database.Database } {
  const sqlite = openSqlite(file, { synchronous: "FULL" });
  const db = drizzle(sqlite, { schema: definition });
  const gate = createGate();
  const scope = createTransactionScope();
  const tables = definition as unknown as Tables;
  const ingest = sqliteIngest(sqlite);
  const cursor = sqliteEventsCursor(sqlite);

  function storeOver(pass: Pass, transaction: Store["transaction"]): Store {
    return {
      dialect: "sqlite",
      db: db as QueryBuilder,
      t: tables,
      sql: sqliteSql,
      all: <Row>(query: RowsQuery<Row>) => pass(() => query.all()),
      one: <Row>(query: RowQuery<Row>) => pass(() => query.get()),
      run: (query: WriteQuery) => pass(() => (query.run() as Database.RunResult).changes),
      rows: <Row>(query: Parameters<Store["rows"]>[0]) => pass(() => db.all<Row>(query)),
      execute: (query) => pass(() => db.run(query).changes),
      transaction,
      special: {
        eventsAfter: (after, limit) => pass(() => cursor.eventsAfter(after, limit)),
        visitorsActiveAfter: (after, limit) => pass(() => cursor.visitorsActiveAfter(after, limit)),
        newestEventCursor: () => pass(() => cursor.newestEventCursor()),
        eventsPendingAfter: (after, atMost) => pass(() => cursor.eventsPendingAfter(after, atMost)),
        visitorEventsBefore: (visitorId, before) => pass(() => cursor.visitorEventsBefore(visitorId, before)),
        takeTurn: () => Promise.resolve(),
        groupCommitWriters: 1,
        lookUpForIngest: (visitorId, sandboxId) => pass(() => ingest.lookUp(visitorId, sandboxId)),
        storeEventBatches: (batches) => pass(() => ingest.write(batches)),
        streamRows: <Row>(query: SQL, batchSize: number) => streamRows<Row>(file, renderer.sqlToQuery(query), batchSize),
      },
    };
  }

  async function transaction<Result>(body: (tx: Store) => Promise<Result>): Promise<Result> {
    scope.assertOutside();
    const release = await gate.hold();
    let open = true;
    const inside: Pass = (work) => (open ? now(work) : Promise.reject(new Error("This transaction has ended")));
    const tx: Store = storeOver(inside, (nested) => nested(tx));
    try {
      sqlite.exec("begin immediate");
      const result = await scope.within(() => body(tx));
      sqlite.exec("commit");
      return result;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec("rollback");
      throw error;
    } finally {
      open = false;
      release();
    }
  }

  const outside: Pass = (work) => {
    try {
      scope.assertOutside();
    } catch (error) {
      return Promise.reject(error);
    }
    return gate.run(work);
  };

  return {
    ...storeOver(outside, transaction),
    sqlite,
    adapterDatabase: { db: gatedDrizzle(db, gate), provider: "sqlite", joins: false },
    startUpkeep() {
      // Checkpoints off the request path (./checkpointer.ts): SQLite's own, inside a commit, measured 1.8× less
      // ingest throughput (issue #5); ours on the event loop stalled every request once a second.
      sqlite.pragma("wal_autocheckpoint = 0");
      const stopCheckpoints = startCheckpointer(file, checkpointEveryMs);
      return async () => {
        await stopCheckpoints();
        if (sqlite.open) sqlite.pragma("wal_autocheckpoint = 1000");
      };
    },
    async migrate() {
      const release = await gate.hold();
      try {
        migrate(db, { migrationsFolder: options.migrationsFolder });
      } finally {
        release();
      }
    },
    async close() {
      // At once when nothing runs on the connection (a runtime replaced in the same tick closes its file now).
      if (gate.busy) {
        const release = await gate.hold();
        sqlite.close();
        release();
      } else sqlite.close();
    },
  };
}
