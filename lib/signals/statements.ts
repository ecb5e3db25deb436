// Prepared statements for the ingest hot path, made once per connection. Plain SQL here, not drizzle's
// builder: at 20,000 events a second the per-call query building is measurable. Table and column names
// are those of db/control/schema.ts (its migration is the source of truth).
import "server-only";
import type Database from "better-sqlite3";
import { runtime } from "@/lib/runtime/runtime";
import type { OpenSession } from "./sessions";

function prepare(sqlite: Database.Database) {
  return {
    visitor: sqlite.prepare<[string], { id: string; bot: number; doNotTrack: number }>(
      "select id, bot, do_not_track as doNotTrack from visitors where id = ?",
    ),
    sandboxOwned: sqlite.prepare<[string, string], { id: string }>("select id from sandboxes where id = ? and visitor_id = ?"),
    insertEvent: sqlite.prepare(
      `insert into events (id, visitor_id, sandbox_id, demo_slug, type, step_id, step_index, action, props, occurred_at, received_at, session_id, bot)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict(id) do nothing`,
    ),
    latestSession: sqlite.prepare<[string], OpenSession>(
      `select id, started_at as startedAt, last_event_at as lastEventAt, event_count as eventCount
       from visitor_sessions where visitor_id = ? order by last_event_at desc limit 1`,
    ),
    upsertSession: sqlite.prepare(
      `insert into visitor_sessions (id, visitor_id, started_at, last_event_at, event_count) values (?, ?, ?, ?, ?)
       on conflict(id) do update set started_at = excluded.started_at, last_event_at = excluded.last_event_at, event_count = excluded.event_count`,
    ),
    touchVisitor: sqlite.prepare("update visitors set last_seen_at = max(last_seen_at, ?) where id = ?"),
  };
}

export function controlStatements(sqlite: Database.Database): ReturnType<typeof prepare> {
  // Prepared once per connection and process, not per copy of this module.
  const cache = runtime().shared("signals.statements", () => new WeakMap<Database.Database, ReturnType<typeof prepare>>());
  let statements = cache.get(sqlite);
  if (!statements) {
    statements = prepare(sqlite);
    cache.set(sqlite, statements);
  }
  return statements;
}
