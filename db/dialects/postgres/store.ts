// The control plane on PostgreSQL (DATABASE_URL=postgres://…), through postgres.js: a pool for queries, each
// transaction on one pooled connection. Commits are durable as PostgreSQL makes them (synchronous_commit on, the
// default, is kept), so a 2xx from /api/signals means what it means on SQLite.
import "server-only";
import { relations, type SQL, sql } from "drizzle-orm";
import { PgDatabase, PgDialect } from "drizzle-orm/pg-core";
import { drizzle, type PostgresJsDatabase, PostgresJsSession } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { ControlStore, QueryBuilder, RowQuery, RowsQuery, Store, Tables, WriteQuery } from "@/db/store";
import { createTransactionScope } from "@/db/transaction-scope";
import { postgresCluster } from "./cluster";
import { declaredCursorRows } from "./declared-cursor";
import { postgresEventsCursor } from "./events-cursor";
import { postgresIngest } from "./ingest";
import { advisoryLocks } from "./locks";
import { tables } from "./schema";
import { postgresSql } from "./sql";
import { nulSafe, withoutNul } from "./text";

/** Renders a drizzle SQL fragment to text and parameters, for the reads that go to postgres.js directly. */
const renderer = new PgDialect();

// Counts, sums and bigint columns as JS numbers: every value Openhouse keeps fits in 2^53.
const asNumber = (oid: number) => ({ to: oid, from: [oid], serialize: (value: number) => String(value), parse: Number });

export type PostgresOptions = { url: string; poolSize: number; migrationsFolder: string; applicationName?: string };

/** The client options every connection of ours uses (the store's pool, and the live listener's). */
export function postgresClientOptions(options: Pick<PostgresOptions, "poolSize" | "applicationName">) {
  return {
    max: options.poolSize,
    onnotice: () => {},
    types: { int8: asNumber(20), numeric: asNumber(1700) },
    connection: {
      application_name: options.applicationName ?? "openhouse",
      // postgres.js prepares every statement, and after five runs PostgreSQL may keep one plan for all later ones,
      // made for the table as it was then. Planned on an empty events table, ingest's (since removed) look-up of known ids stayed a
      // sequential scan as the table grew (143 ms a group at 30k events, 0.3 ms with the index: bench:signals and
      // bench:cluster fell to 5-15% in those runs). A plan per run costs tens of microseconds and follows the data.
      plan_cache_mode: "force_custom_plan",
    },
  };
}

/**
 * The joins better-auth asks its adapter for (a session with its user, an account with its user, a user with their
 * accounts), as drizzle relations: with `advanced.database.joins` (lib/auth/auth.ts) a session and its user are
 * one query instead of two. On PostgreSQL every statement is a round trip, and every rep page looks its session up.
 */
const authRelations = {
  sessionUser: relations(tables.session, ({ one }) => ({
    user: one(tables.user, { fields: [tables.session.userId], references: [tables.user.id] }),
  })),
  accountUser: relations(tables.account, ({ one }) => ({
    user: one(tables.user, { fields: [tables.account.userId], references: [tables.user.id] }),
  })),
  userLinks: relations(tables.user, ({ many }) => ({ accounts: many(tables.account), sessions: many(tables.session) })),
};

type Driver = Pick<PostgresJsDatabase<typeof tables>, "execute" | "transaction">;

export function openPostgresStore(options: PostgresOptions): ControlStore & { client: postgres.Sql } {
  const client = postgres(options.url, postgresClientOptions(options));
  const db = drizzle(nulSafe(client), { schema: tables });
  const scope = createTransactionScope();
  const ingest = postgresIngest(client);

  function storeOver(driver: Driver, check: () => void, transaction: Store["transaction"], connection?: postgres.TransactionSql): Store {
    const rows = async <Row>(query: SQL): Promise<Row[]> => {
      check();
      return (await driver.execute(query)) as unknown as Row[];
    };
    const settle = async <Row>(query: unknown): Promise<Row> => {
      check();
      return (await (query as PromiseLike<Row>)) as Row;
    };
    return {
      dialect: "postgres",
      db: driver as unknown as QueryBuilder,
      t: tables as unknown as Tables,
      sql: postgresSql,
      all: <Row>(query: RowsQuery<Row>) => settle<Row[]>(query),
      one: async <Row>(query: RowQuery<Row>) => (await settle<Row[]>(query))[0],
      run: async (query: WriteQuery) => (await settle<{ count: number }>(query)).count,
      rows,
      execute: async (query) => ((await driver.execute(query)) as unknown as { count: number }).count,
      transaction,
      special: {
        ...postgresEventsCursor(rows),
        lookUpForIngest: async (visitorId, sandboxId) => {
          check();
          return ingest.lookUp(visitorId, sandboxId);
        },
        streamRows: <Row>(query: SQL, batchSize: number) => {
          check();
          const { sql: text, params } = renderer.sqlToQuery(query);
          return declaredCursorRows<Row>(client, connection, text, withoutNul(params) as postgres.ParameterOrJSON<never>[], batchSize);
        },
        // One group at a time here too, for now: with half the pool writing, bench:signals (one visitor's batches)
        // fell from 43–52% to 29–44% of its ceiling, as the groups got smaller and queued on the visitor's row
        // lock; with a group in two round trips, two writers gave 38% against one writer's 64% (2026-12-07, a
        // loaded machine); with three round trips and no look-up of known ids, 26.0k against 27.1k events/s
        // (2026-12-07, late evening); with sessions guessed, the insert before or after the lock, 29–35k against
        // 28–33k (2026-12-07, night: the machine's two cores were the limit, not the chain). Many visitors at once
        // may gain from more; measure before raising it (BENCHMARKS.md).
        groupCommitWriters: 1,
        storeEventBatches: async (batches) => {
          check();
          return ingest.write(batches, connection);
        },
        async takeTurn(turn) {
          check();
          await driver.execute(sql`select pg_advisory_xact_lock(${advisoryLocks[turn]})`);
        },
      },
    };
  }

  async function transaction<Result>(body: (tx: Store) => Promise<Result>): Promise<Result> {
    scope.assertOutside();
    // postgres.js's own transaction, so that ingest's set-based statements (./ingest.ts) run on its connection
    // too; drizzle builds the rest over the same connection.
    return client.begin((connection) => {
      let open = true;
      const check = () => {
        if (!open) throw new Error("This transaction has ended");
      };
      // What drizzle's own transaction builds: a session over the transaction's connection.
      const session = new PostgresJsSession(nulSafe(connection) as unknown as postgres.Sql, renderer, undefined, {});
      const driver = new PgDatabase(renderer, session, undefined) as unknown as Driver;
      const tx: Store = storeOver(driver, check, (nested) => nested(tx), connection);
      return scope
        .within(() => body(tx))
        .finally(() => {
          open = false;
        });
    }) as Promise<Result>;
  }

  return {
    ...storeOver(db, () => scope.assertOutside(), transaction),
    client,
    cluster: postgresCluster(options.url, client),
    adapterDatabase: { db: drizzle(nulSafe(client), { schema: { ...tables, ...authRelations } }), provider: "pg", joins: true },
    // PostgreSQL checkpoints and vacuums on its own.
    startUpkeep: () => () => {},
    async migrate() {
      // Nodes starting together take turns: a one-connection client holds the lock while it migrates, and
      // the next finds nothing left to apply.
      const single = postgres(options.url, { ...postgresClientOptions({ poolSize: 1, applicationName: options.applicationName }) });
      try {
        await single`select pg_advisory_lock(${advisoryLocks.migrations})`;
        await migrate(drizzle(single), { migrationsFolder: options.migrationsFolder });
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}
