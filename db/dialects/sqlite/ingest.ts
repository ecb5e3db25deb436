// Ingest on SQLite: prepared statements made once per connection (at 20,000 events a second drizzle's per-call
// query building is measurable), run one event at a time inside one synchronous transaction per group — the
// connection is SQLite's single writer, so sessions read and written here cannot race another writer.
import "server-only";
import crypto from "node:crypto";
import type Database from "better-sqlite3";
import type { IngestLookup, PreparedBatch } from "@/db/queries/events";
import { assignSession, type OpenSession } from "@/lib/signals/sessions";

function prepare(sqlite: Database.Database) {
  return {
    visitor: sqlite.prepare<[string], { bot: number; doNotTrack: number }>(
      "select bot, do_not_track as doNotTrack from visitors where id = ?",
    ),
    sandboxOwned: sqlite.prepare<[string, string], { id: string }>("select id from sandboxes where id = ? and visitor_id = ?"),
    preview: sqlite.prepare<[string], { id: string }>("select id from preview_sandboxes where id = ?"),
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

type Statements = ReturnType<typeof prepare>;

/**
 * What a group changed besides its events, saved once at its end instead of once per batch: each visitor's
 * current session and when they were last seen, and the last state of every session an event went into (a
 * session closed by a gap inside the group keeps its count).
 */
type Touched = {
  visitors: Map<string, { session: OpenSession | undefined; seenAt: number }>;
  sessions: Map<string, OpenSession & { visitorId: string }>;
};

function writeOne(statements: Statements, batch: PreparedBatch, touched: Touched): { stored: number } {
  let stored = 0;
  const visitorId = batch.visitorId;
  const before = visitorId ? touched.visitors.get(visitorId) : undefined;
  let session = visitorId ? (before ? before.session : statements.latestSession.get(visitorId)) : undefined;
  for (const event of batch.events) {
    const next = visitorId ? assignSession(session, event.occurredAt, () => crypto.randomUUID()) : undefined;
    const inserted = statements.insertEvent.run(
      event.id,
      visitorId ?? null,
      batch.sandboxId ?? null,
      event.demoSlug,
      event.type,
      event.stepId,
      event.stepIndex,
      event.action,
      event.props,
      event.occurredAt,
      batch.receivedAt,
      next?.id ?? null,
      batch.bot ? 1 : 0,
    );
    // A retried event is already stored: it changes nothing, not even its session.
    if (inserted.changes === 0) continue;
    stored++;
    session = next;
    if (visitorId && next) touched.sessions.set(next.id, { ...next, visitorId });
  }
  if (visitorId) touched.visitors.set(visitorId, { session, seenAt: Math.max(before?.seenAt ?? 0, batch.receivedAt) });
  return { stored };
}

function saveVisitors(statements: Statements, touched: Touched): void {
  for (const session of touched.sessions.values()) {
    statements.upsertSession.run(session.id, session.visitorId, session.startedAt, session.lastEventAt, session.eventCount);
  }
  for (const [visitorId, { seenAt }] of touched.visitors) statements.touchVisitor.run(seenAt, visitorId);
}

/** Ingest's two operations over one connection; each runs synchronously (the store gives it its turn). */
export function sqliteIngest(sqlite: Database.Database) {
  // Prepared on first use: the tables exist only once the store has migrated.
  let prepared: { statements: Statements; writeGroup: (batches: PreparedBatch[]) => { stored: number }[] } | undefined;
  const ready = () => {
    if (!prepared) {
      const statements = prepare(sqlite);
      const writeGroup = sqlite.transaction((batches: PreparedBatch[]) => {
        const touched: Touched = { visitors: new Map(), sessions: new Map() };
        const results = batches.map((batch) => writeOne(statements, batch, touched));
        saveVisitors(statements, touched);
        return results;
      });
      prepared = { statements, writeGroup };
    }
    return prepared;
  };
  return {
    lookUp(visitorId: string | undefined, sandboxId: string | undefined): IngestLookup {
      const { statements } = ready();
      const row = visitorId ? statements.visitor.get(visitorId) : undefined;
      return {
        visitor: row ? { bot: row.bot === 1, doNotTrack: row.doNotTrack === 1 } : undefined,
        sandboxOwned: Boolean(visitorId && sandboxId && statements.sandboxOwned.get(sandboxId, visitorId)),
        preview: Boolean(sandboxId && statements.preview.get(sandboxId)),
      };
    },
    write: (batches: PreparedBatch[]) => ready().writeGroup(batches),
  };
}
