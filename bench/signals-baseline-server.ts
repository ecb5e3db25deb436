// Reference servers for bench:signals, run as their own process like the product:
//   ceiling     — plain node:http + better-sqlite3 (WAL, synchronous=FULL) inserting each batch in one
//                 transaction: the most a Node process can ingest durably here, with no framework at all.
//   pg-ceiling  — plain node:http + postgres.js, one multi-row INSERT … ON CONFLICT DO NOTHING per request on
//                 a pool as large as the product's (synchronous_commit on: a 202 means committed).
//   ceiling-events, pg-ceiling-events
//               — the same, writing the product's own events table (migrated from db/control, every index and
//                 column, the rows filled as ingest fills them): what these rows cost the database with no
//                 product code around them, to tell the table's share of the gap from the code's.
//   no-write    — the same server answering 202 after parsing, without touching a disk.
import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle as sqliteDrizzle } from "drizzle-orm/better-sqlite3";
import { migrate as sqliteMigrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as postgresDrizzle } from "drizzle-orm/postgres-js";
import { migrate as postgresMigrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

type Event = { id: string; type: string; at: number; demo?: string; step?: string; stepIndex?: number };
const [mode = "ceiling", port = "3197", target = "/tmp/openhouse-ceiling.sqlite"] = process.argv.slice(2);

async function sqliteWriter(): Promise<(events: Event[]) => Promise<void>> {
  const sqlite = new Database(target);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.exec("create table if not exists events (id text primary key, type text not null, at integer not null, demo text)");
  const insert = sqlite.prepare("insert into events (id, type, at, demo) values (?, ?, ?, ?) on conflict(id) do nothing");
  const insertAll = sqlite.transaction((events: Event[]) => {
    for (const event of events) insert.run(event.id, event.type, event.at, event.demo ?? null);
  });
  return async (events) => insertAll(events);
}

async function postgresWriter(): Promise<(events: Event[]) => Promise<void>> {
  const sql = postgres(target, { max: Number(process.env.DATABASE_POOL_SIZE || 10), onnotice: () => {} });
  await sql`create table if not exists events (id text primary key, type text not null, at bigint not null, demo text)`;
  return async (events) => {
    const rows = events.map((event) => ({ id: event.id, type: event.type, at: event.at, demo: event.demo ?? null }));
    await sql`insert into events ${sql(rows, "id", "type", "at", "demo")} on conflict (id) do nothing`;
  };
}

const migrations = (dialect: "sqlite" | "postgres") =>
  path.join(process.cwd(), "db", "control", dialect === "sqlite" ? "migrations" : "migrations-postgres");
// One visitor's and one session's ids on every row, as the product's bench load makes them.
const [visitorId, sessionId] = ["bench-visitor", "bench-session"];

async function sqliteEventsWriter(): Promise<(events: Event[]) => Promise<void>> {
  const sqlite = new Database(target);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqliteMigrate(sqliteDrizzle(sqlite), { migrationsFolder: migrations("sqlite") });
  const insert = sqlite.prepare(
    `insert into events (id, visitor_id, sandbox_id, demo_slug, type, step_id, step_index, action, props, occurred_at, received_at, session_id, bot)
     values (?, ?, null, ?, ?, ?, ?, null, null, ?, ?, ?, 0) on conflict(id) do nothing`,
  );
  const insertAll = sqlite.transaction((events: Event[]) => {
    const now = Date.now();
    for (const e of events) insert.run(e.id, visitorId, e.demo ?? null, e.type, e.step ?? null, e.stepIndex ?? null, e.at, now, sessionId);
  });
  return async (events) => insertAll(events);
}

async function postgresEventsWriter(): Promise<(events: Event[]) => Promise<void>> {
  const sql = postgres(target, { max: Number(process.env.DATABASE_POOL_SIZE || 10), onnotice: () => {} });
  const single = postgres(target, { max: 1, onnotice: () => {} });
  await postgresMigrate(postgresDrizzle(single), { migrationsFolder: migrations("postgres") });
  await single.end();
  return async (events) => {
    const now = Date.now();
    const rows = events.map((e) => ({
      id: e.id,
      visitor_id: visitorId,
      demo_slug: e.demo ?? null,
      type: e.type,
      step_id: e.step ?? null,
      step_index: e.stepIndex ?? null,
      occurred_at: e.at,
      received_at: now,
      session_id: sessionId,
      bot: false,
    }));
    await sql`insert into events ${sql(rows, "id", "visitor_id", "demo_slug", "type", "step_id", "step_index", "occurred_at", "received_at", "session_id", "bot")} on conflict (id) do nothing`;
  };
}

const writers: Record<string, (() => Promise<(events: Event[]) => Promise<void>>) | undefined> = {
  ceiling: sqliteWriter,
  "pg-ceiling": postgresWriter,
  "ceiling-events": sqliteEventsWriter,
  "pg-ceiling-events": postgresEventsWriter,
};
const write = await writers[mode]?.();

http
  .createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const batch = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { events: Event[] };
      const answer = () => {
        response.writeHead(202, { "content-type": "application/json" });
        response.end(JSON.stringify({ stored: batch.events.length }));
      };
      if (!write) return answer();
      write(batch.events).then(answer, (error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
  })
  .listen(Number(port), "127.0.0.1", () => console.log(`ready ${mode} on ${port}`));
