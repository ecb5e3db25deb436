// Stores a validated batch of usage signals. Idempotent by event id; times clamped to what the
// server can believe; identity linked only when the visitor has not asked not to be tracked.
import { and, eq } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { events, type NewEventRow, sandboxes, visitors } from "@/db/control/schema";
import type { SignalBatch } from "./event-schema";

export type IngestContext = {
  visitorId: string | undefined;
  /** False when the browser sends Global Privacy Control or Do-Not-Track: count, but do not link. */
  linkIdentity: boolean;
  now?: Date;
};

const maxAgeMs = 24 * 60 * 60 * 1000;

export function clampEventTime(at: number, now: number): number {
  return Math.min(now, Math.max(now - maxAgeMs, at));
}

export function ingestBatch(batch: SignalBatch, context: IngestContext, db: ControlDb = controlDb()): { stored: number } {
  const now = (context.now ?? new Date()).getTime();
  const visitorId = context.linkIdentity ? context.visitorId : undefined;
  const knownVisitor = visitorId ? db.select({ id: visitors.id }).from(visitors).where(eq(visitors.id, visitorId)).get() : undefined;
  const sandboxId =
    knownVisitor && batch.sandbox
      ? db
          .select({ id: sandboxes.id })
          .from(sandboxes)
          .where(and(eq(sandboxes.id, batch.sandbox), eq(sandboxes.visitorId, knownVisitor.id)))
          .get()?.id
      : undefined;

  const rows: NewEventRow[] = batch.events.map((event) => ({
    id: event.id,
    visitorId: knownVisitor?.id ?? null,
    sandboxId: sandboxId ?? null,
    demoSlug: event.demo ?? null,
    type: event.type,
    stepId: event.step ?? null,
    stepIndex: event.stepIndex ?? null,
    action: event.action ?? null,
    props: event.props ?? null,
    occurredAt: new Date(clampEventTime(event.at, now)),
    receivedAt: new Date(now),
  }));

  return db.transaction((tx) => {
    const result = tx.insert(events).values(rows).onConflictDoNothing({ target: events.id }).run();
    if (knownVisitor) tx.update(visitors).set({ lastSeenAt: new Date(now) }).where(eq(visitors.id, knownVisitor.id)).run();
    return { stored: result.changes };
  });
}
