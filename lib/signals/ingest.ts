// Stores validated batches of usage signals. Idempotent by event id; times clamped to what the server can
// believe; identity linked only when the visitor has not asked not to be tracked; sessions split after
// 30 idle minutes. Reads happen per request, writes in one transaction per group (see group-commit.ts and
// db/queries/events.ts).
import "server-only";
import { type IngestLookup, lookUpForIngest, type PreparedBatch, storeEventBatches } from "@/db/queries/events";
import type { SignalBatch } from "./event-schema";

export type { PreparedBatch, PreparedEvent } from "@/db/queries/events";

export type IngestContext = {
  visitorId: string | undefined;
  /** False when the browser sends Global Privacy Control or Do-Not-Track: count, but do not link. */
  linkIdentity: boolean;
  /**
   * The request's user agent looks like a bot. Used only for events without a known visitor: a visitor's
   * class was decided once, from the page they opened at /try (a browser's page-hide beacons may carry
   * another user agent than its pages do).
   */
  bot?: boolean;
  now?: Date;
};

const maxAgeMs = 24 * 60 * 60 * 1000;

export function clampEventTime(at: number, now: number): number {
  return Math.min(now, Math.max(now - maxAgeMs, at));
}

/** The per-request part: who is this, is the sandbox theirs, what time is it really. */
export function prepareBatch(batch: SignalBatch, context: IngestContext, found: IngestLookup): PreparedBatch {
  const receivedAt = (context.now ?? new Date()).getTime();
  // A visitor who arrived asking not to be tracked stays unlinked, whatever later requests say.
  const visitor = context.linkIdentity && found.visitor && !found.visitor.doNotTrack ? found.visitor : undefined;
  const visitorId = visitor ? context.visitorId : undefined;
  const sandboxId = visitorId && batch.sandbox && found.sandboxOwned ? batch.sandbox : undefined;
  return {
    visitorId,
    sandboxId,
    // Automated browsers' events are marked; whether their visitor is a bot is decided when reading (no interaction).
    bot: (found.visitor ? found.visitor.bot : (context.bot ?? false)) || batch.webdriver === true,
    receivedAt,
    events: batch.events
      .map((event) => ({
        id: event.id,
        type: event.type,
        demoSlug: event.demo ?? null,
        stepId: event.step ?? null,
        stepIndex: event.stepIndex ?? null,
        action: event.action ?? null,
        props: event.props ? JSON.stringify(event.props) : null,
        occurredAt: clampEventTime(event.at, receivedAt),
      }))
      .sort((a, b) => a.occurredAt - b.occurredAt),
  };
}

/** What ingest knows of the batch's visitor and sandbox (one look per request). */
export function lookUpBatch(batch: SignalBatch, context: IngestContext): Promise<IngestLookup> {
  return lookUpForIngest(context.linkIdentity ? context.visitorId : undefined, batch.sandbox);
}

/** Writes many prepared batches in one transaction (one fsync), returning each one's count. */
export function writeBatches(batches: PreparedBatch[]): Promise<{ stored: number }[]> {
  return storeEventBatches(batches);
}

export async function ingestBatch(batch: SignalBatch, context: IngestContext): Promise<{ stored: number }> {
  const prepared = prepareBatch(batch, context, await lookUpBatch(batch, context));
  return (await writeBatches([prepared]))[0] ?? { stored: 0 };
}
