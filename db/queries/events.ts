// The usage-event store: what ingest writes (in group commits) and what it looks up per request. Both are
// written once per dialect (db/dialects/<dialect>/ingest.ts) because their best form differs entirely: SQLite
// runs prepared statements one event at a time inside one synchronous transaction, PostgreSQL sends a group's
// events in a few set-based statements.
import "server-only";
import { eq, lt, sql } from "drizzle-orm";
import { store } from "@/db/control-plane";
import type { Store } from "@/db/store";

export type PreparedEvent = {
  id: string;
  type: string;
  demoSlug: string | null;
  stepId: string | null;
  stepIndex: number | null;
  action: string | null;
  /** The event's props as JSON text, or null. */
  props: string | null;
  occurredAt: number;
};

/** Who a hand-raise is from, as its window's claim is keyed (lib/signals/hand-raise.ts). */
export type HandRaiser = { key: string; visitorId: string | null; demoSlug: string | null };

export type PreparedBatch = {
  visitorId?: string;
  sandboxId?: string;
  bot: boolean;
  receivedAt: number;
  events: PreparedEvent[];
  /** Who the batch's one hand-raise is from, when it carries one this sender may raise. */
  handRaiser?: HandRaiser;
};

/** What ingest needs to know of a request's visitor and sandbox, in one look. */
export type IngestLookup = {
  visitor?: { bot: boolean; doNotTrack: boolean };
  /** The named sandbox belongs to the visitor. */
  sandboxOwned: boolean;
  /** The named sandbox is a studio preview (whoever's): its signals are dropped. */
  preview: boolean;
};

export function lookUpForIngest(visitorId: string | undefined, sandboxId: string | undefined, s: Store = store()): Promise<IngestLookup> {
  return s.special.lookUpForIngest(visitorId, sandboxId);
}

/**
 * Stores many batches in one transaction (one fsync), each event once by its id (a retry stores nothing),
 * each linked visitor's events split into sessions; returns how many events of each batch were new.
 */
export function storeEventBatches(batches: PreparedBatch[], s: Store = store()): Promise<{ stored: number }[]> {
  return s.special.storeEventBatches(batches);
}

/** Whether an event with this id is stored (a retry's is). */
export async function eventIsStored(id: string, s: Store = store()): Promise<boolean> {
  const { events } = s.t;
  return (await s.one(s.db.select({ id: events.id }).from(events).where(eq(events.id, id)))) !== undefined;
}

/**
 * Folds every raw event older than `before` into per-day counts and deletes it, with the sessions that ended
 * before then, in one transaction; returns how many events went.
 */
export function foldAndDeleteEventsBefore(before: number, s: Store = store()): Promise<number> {
  return s.transaction(async (tx) => {
    const { events, eventDailyCounts, visitorSessions } = tx.t;
    await tx.execute(
      sql`insert into ${eventDailyCounts} (day, demo_slug, type, step_id, count)
          select ${tx.sql.utcDay(sql`occurred_at`)}, coalesce(demo_slug, ''), type, coalesce(step_id, ''), count(*)
          from ${events} where occurred_at < ${before} group by 1, 2, 3, 4
          on conflict (day, demo_slug, type, step_id) do update set count = ${eventDailyCounts}.count + excluded.count`,
    );
    const purged = await tx.run(tx.db.delete(events).where(lt(events.occurredAt, new Date(before))));
    // Sessions are derived from events; ones that ended before the cutoff have nothing left to describe.
    await tx.run(tx.db.delete(visitorSessions).where(lt(visitorSessions.lastEventAt, new Date(before))));
    return purged;
  });
}
