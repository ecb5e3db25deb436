// The seam between Openhouse and its control-plane database, embedded SQLite or PostgreSQL. Query modules
// (db/queries/*) build drizzle queries against the one table definition (db/control/schema.ts) and hand them
// to a Store, which runs them on whichever database this process uses; every call is async on both. What the
// two databases spell differently — JSON access, dates, upserts' helpers, index hints, commit-order cursors,
// the ingest write — is a member of the Store, written once per dialect in db/dialects/<dialect>/.
import "server-only";
import type { SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type * as definition from "./control/schema";
import type { IngestLookup, PreparedBatch } from "./queries/events";

export type Dialect = "sqlite" | "postgres";

type Definition = typeof definition;

/** Every control-plane table. On PostgreSQL these are its derived twins (db/dialects/postgres/schema.ts). */
export type Tables = { [Name in keyof Definition as Definition[Name] extends SQLiteTable ? Name : never]: Definition[Name] };

/**
 * Builds queries. It is typed as drizzle's SQLite database because the tables are; on PostgreSQL it is
 * drizzle's PostgreSQL database with the same tables, and builders of both run through the Store's methods
 * below, never their own `.all()`/`.get()`/`.run()`.
 */
export type QueryBuilder = Pick<BetterSQLite3Database<Definition>, "select" | "selectDistinct" | "insert" | "update" | "delete">;

/** A built query that reads rows (a select, or a write with `.returning()`). */
export type RowsQuery<Row> = { all(): Row[] };
/** A built query that reads at most one row. */
export type RowQuery<Row> = { get(): Row | undefined };
/** A built write. */
export type WriteQuery = { run(): unknown };

/** One event as readers in commit order see it (the fold, the signal watch). */
export type CommittedEvent = {
  /** Where this row stands in commit order, opaque to callers; pass it back to read on after it. */
  cursor: string;
  id: string;
  visitorId: string | null;
  sandboxId: string | null;
  demoSlug: string | null;
  type: string;
  stepId: string | null;
  action: string | null;
  props: Record<string, unknown> | null;
  occurredAt: number;
  bot: boolean;
};

/** SQL that reads differently in the two dialects; each returns a fragment to put inside a query. */
export type DialectSql = {
  /** A JSON object's member as text (null when absent). */
  jsonText(column: SQL | SQLiteColumnLike, key: string): SQL;
  /** The larger of two values (SQLite's two-argument max, PostgreSQL's greatest). */
  greatest(a: SQL | SQLiteColumnLike, b: SQL | SQLiteColumnLike | number): SQL;
  /** The smaller of two values (SQLite's two-argument min, PostgreSQL's least). */
  least(a: SQL | SQLiteColumnLike, b: SQL | SQLiteColumnLike | number): SQL;
  /**
   * Ends a subquery that claims rows: on PostgreSQL `for update skip locked`, so claimers on several nodes each
   * take rows no other holds without waiting; nothing on SQLite, whose one writer claims alone.
   */
  skipLocked(): SQL;
  /** The UTC day (YYYY-MM-DD) of an epoch-milliseconds value. */
  utcDay(epochMs: SQL | SQLiteColumnLike): SQL;
  /** Makes a query use a named index (SQLite's `indexed by`; PostgreSQL's planner chooses on its own). */
  indexedBy(indexName: string): SQL;
  /** A literal boolean, as a partial index's predicate must be written to be usable. */
  literal(value: boolean): SQL;
};

type SQLiteColumnLike = { getSQL(): SQL };

export type Store = {
  readonly dialect: Dialect;
  readonly db: QueryBuilder;
  readonly t: Tables;
  readonly sql: DialectSql;
  /** Every row of a query. */
  all<Row>(query: RowsQuery<Row>): Promise<Row[]>;
  /** The first row of a query, if any. */
  one<Row>(query: RowQuery<Row>): Promise<Row | undefined>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(query: WriteQuery): Promise<number>;
  /** Rows of raw SQL (aliases quoted when they are camelCase: PostgreSQL folds unquoted names to lower case). */
  rows<Row>(query: SQL): Promise<Row[]>;
  /** Runs raw SQL that writes; resolves to the number of rows it changed. */
  execute(query: SQL): Promise<number>;
  /**
   * Runs `body` in one transaction, committed when it resolves and rolled back when it throws. Inside, query
   * through `tx` only: the outer store refuses to run while the transaction is open in this async context.
   * On SQLite the transaction holds the one connection, so keep bodies to database work (no network waits).
   */
  transaction<Result>(body: (tx: Store) => Promise<Result>): Promise<Result>;
  /** Operations whose whole shape differs by dialect. */
  readonly special: DialectOperations;
};

/** The few operations written twice, once per dialect, because their best form differs entirely. */
export type DialectOperations = {
  /** Ingest's per-request look at the visitor and sandbox a batch names (db/queries/events.ts). */
  lookUpForIngest(visitorId: string | undefined, sandboxId: string | undefined): Promise<IngestLookup>;
  /**
   * Rows of a long read in batches, without holding them all or the shared connection while the caller is
   * slow (SQLite: a read-only connection of its own iterating a statement; PostgreSQL: a server-side cursor).
   * Returning early from the iteration closes what it opened.
   */
  streamRows<Row>(query: SQL, batchSize: number): AsyncIterable<Row[]>;
  /** How many of ingest's groups may commit at once: SQLite has one writer; PostgreSQL's pool takes several. */
  readonly groupCommitWriters: number;
  /** Ingest's group commit (db/queries/events.ts). */
  storeEventBatches(batches: PreparedBatch[]): Promise<{ stored: number }[]>;
  /**
   * Events committed after `cursor` (null: from the start), oldest first, at most `limit`. Never skips one that
   * commits late: on PostgreSQL it reads only below the oldest running transaction.
   */
  eventsAfter(cursor: string | null, limit: number): Promise<CommittedEvent[]>;
  /**
   * Which visitors sent events committed after `cursor` (at most `limit` events read, in commit order), how many
   * events that was, and the cursor to read on from: what the signal watch needs, without reading and parsing whole rows.
   */
  visitorsActiveAfter(cursor: string | null, limit: number): Promise<{ cursor: string | null; events: number; visitorIds: string[] }>;
  /** The cursor of the newest committed event (null when there is none): where a reader of new events starts. */
  newestEventCursor(): Promise<string | null>;
  /**
   * How many committed events lie after `cursor`, counting no further than `atMost` when given: a question of
   * "more than n?" then costs n rows, not the whole backlog of a flood.
   */
  eventsPendingAfter(cursor: string | null, atMost?: number): Promise<number>;
  /** A visitor's events stored before the event at `cursor`, by time. */
  visitorEventsBefore(visitorId: string, cursor: string): Promise<Omit<CommittedEvent, "cursor" | "id" | "bot">[]>;
  /**
   * Waits, inside a transaction, until no other transaction holds `turn`, and holds it until this one ends:
   * writers of the same kind then commit one after another across every process on the database. "liveEvents":
   * their ids are then commit order (live streams resume from an id); "fold": the insights fold reads and moves
   * its watermark alone; "sharedCopies": a copy's people are counted and added alone, so the cap holds. A no-op on SQLite, whose writers take turns already.
   */
  takeTurn(turn: "liveEvents" | "fold" | "sharedCopies"): Promise<void>;
};

/** Background jobs that must run on one app node at a time (lib/runtime/singletons.ts); keys in db/dialects/postgres/locks.ts. */
export type SingletonJob = "insightsFold" | "retention" | "sandboxRows" | "livePrune" | "signalWatch" | "rateLimitPrune";

/** Which singleton jobs this node holds now; refreshed by the holder, read on every tick of a job. */
export type SingletonHolder = {
  holds(job: SingletonJob): boolean;
  /** Settles after the first try for the locks, so jobs that run at start-up run on the node that took them. */
  readonly ready: Promise<void>;
  /** Releases every lock and closes the holder's connection. */
  stop(): Promise<void>;
};

/**
 * What app nodes sharing one database need from it besides queries: PostgreSQL's LISTEN/NOTIFY and advisory
 * locks. Absent on SQLite, which serves one node, where the in-process bus and plain timers are the whole story.
 */
export type ClusterLink = {
  /** Sends `payload` (under 8,000 bytes) to every node listening on `channel`, this one included; never inside a transaction. */
  notify(channel: string, payload: string): Promise<void>;
  /**
   * Listens on `channel` on one dedicated connection named `applicationName` (so an operator or a test can find
   * it in pg_stat_activity). `onListen` runs after the first LISTEN and after every reconnect: what was sent
   * while the connection was down is lost, so re-read what matters there. Resolves to the stop function.
   */
  listen(
    channel: string,
    handlers: { applicationName: string; onNotify(payload: string): void; onListen(): void },
  ): Promise<() => Promise<void>>;
  /**
   * Takes and keeps the locks of `jobs` on one dedicated connection (session-level advisory locks, released by
   * PostgreSQL when the connection or the node dies), retrying every `everyMs` for those another node holds.
   */
  holdSingletons(jobs: readonly SingletonJob[], options: { applicationName: string; everyMs: number }): SingletonHolder;
};

/** A Store with its connection: what the runtime keeps (db/control-plane.ts). */
export type ControlStore = Store & {
  /**
   * A drizzle database for a library that builds its own queries (better-auth's adapter), with the name of
   * its dialect as such libraries spell it. On SQLite its queries take their turn on the one connection.
   * `joins`: it carries drizzle relations for better-auth's joins (PostgreSQL, where a query saved is a round trip).
   */
  readonly adapterDatabase: { db: object; provider: "sqlite" | "pg"; joins: boolean };
  /** Present when several app nodes may share this database (PostgreSQL). */
  readonly cluster?: ClusterLink;
  /** Applies the migrations this dialect has not seen yet. */
  migrate(): Promise<void>;
  /** Starts the database's own upkeep in a serving process (SQLite: WAL checkpoints); returns its stop. */
  startUpkeep(): () => void | Promise<void>;
  close(): Promise<void>;
};
