// Stores validated batches of usage signals. Idempotent by event id; times clamped to what the server can
// believe; identity linked only when the visitor has not asked not to be tracked; sessions split after
// 30 idle minutes; a hand-raise counted once per raiser per window (hand-raise.ts). Reads happen per request,
// writes in one transaction per group (see group-commit.ts and db/queries/events.ts).
import "server-only";
import { store } from "@/db/control-plane";
import { demoIsRegistered } from "@/db/queries/demos";
import { eventIsStored, type IngestLookup, lookUpForIngest, type PreparedBatch, storeEventBatches } from "@/db/queries/events";
import { visitorMuted } from "@/lib/conversations/conversations";
import { announce } from "@/lib/live/hub";
import type { SignalBatch } from "./event-schema";
import { claimHandRaise, type HandRaiser, handRaiserOf, tellTeamOfHandRaise } from "./hand-raise";

export type { PreparedBatch, PreparedEvent } from "@/db/queries/events";

/** The per-request look, with what a hand-raise needs when the batch carries one from a stored visitor. */
export type BatchLookup = IngestLookup & { handRaise?: { muted: boolean; demoExists: boolean } };

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
export function prepareBatch(batch: SignalBatch, context: IngestContext, found: BatchLookup): PreparedBatch {
  const receivedAt = (context.now ?? new Date()).getTime();
  // A visitor who arrived asking not to be tracked stays unlinked, whatever later requests say.
  const known = context.linkIdentity ? found.visitor : undefined;
  const visitor = known && !known.doNotTrack ? known : undefined;
  const visitorId = visitor ? context.visitorId : undefined;
  const sandboxId = visitorId && batch.sandbox && found.sandboxOwned ? batch.sandbox : undefined;
  // At most one hand-raise per batch, and only from a person who may raise one (hand-raise.ts).
  const raised = batch.events.find((event) => event.type === "handraise");
  const handRaiser =
    raised && found.handRaise
      ? handRaiserOf(
          {
            cookieVisitorId: found.visitor ? context.visitorId : undefined,
            linkedVisitorId: visitorId,
            bot: (context.bot ?? false) || found.visitor?.bot === true,
            muted: found.handRaise.muted,
          },
          raised.demo ?? null,
          found.handRaise.demoExists,
        )
      : undefined;
  return {
    visitorId,
    sandboxId,
    // Automated browsers' events are marked; whether their visitor is a bot is decided when reading (no interaction).
    bot: (known ? known.bot : (context.bot ?? false)) || batch.webdriver === true,
    receivedAt,
    handRaiser,
    events: batch.events
      .filter((event) => event.type !== "handraise" || (event === raised && handRaiser !== undefined))
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

/** What ingest knows of the batch's visitor, sandbox and hand-raise (one look per request). */
export async function lookUpBatch(batch: SignalBatch, context: IngestContext): Promise<BatchLookup> {
  // The cookie's visitor is looked up even when they are not linked: a hand-raise needs a cookie of a stored visitor.
  const found = await lookUpForIngest(context.visitorId, batch.sandbox);
  const raised = batch.events.find((event) => event.type === "handraise");
  if (!raised || !context.visitorId || !found.visitor) return found;
  return {
    ...found,
    handRaise: {
      muted: await visitorMuted(context.visitorId),
      demoExists: raised.demo ? await demoIsRegistered(raised.demo) : false,
    },
  };
}

/**
 * Writes many prepared batches in one transaction (one fsync), returning each one's count. A hand-raise is
 * claimed first and dropped when its window is taken; one that counts is stored with its live event and alert
 * in the same transaction, and the streams are told after the commit ("committed before told", lib/live/hub.ts).
 */
export async function writeBatches(batches: PreparedBatch[]): Promise<{ stored: number }[]> {
  if (!batches.some((batch) => batch.handRaiser)) return storeEventBatches(batches);
  let told = false;
  const written = await store().transaction(async (tx) => {
    const kept: PreparedBatch[] = [];
    const counted: { raiser: HandRaiser; at: Date }[] = [];
    for (const batch of batches) {
      const raised = batch.handRaiser ? batch.events.find((event) => event.type === "handraise") : undefined;
      if (!batch.handRaiser || !raised) {
        kept.push(batch);
        continue;
      }
      const at = new Date(batch.receivedAt);
      if (!(await claimHandRaise(batch.handRaiser, at, tx))) {
        kept.push({ ...batch, events: batch.events.filter((event) => event !== raised) });
        continue;
      }
      // A retry of one that counted, come back after the window, claims the window for nothing: it is stored
      // once and tells nobody again.
      if (!(await eventIsStored(raised.id, tx))) counted.push({ raiser: batch.handRaiser, at });
      kept.push(batch);
    }
    const results = await storeEventBatches(kept, tx);
    for (const { raiser, at } of counted) await tellTeamOfHandRaise(tx, raiser, at);
    told = counted.length > 0;
    return results;
  });
  if (told) await announce();
  return written;
}

export async function ingestBatch(batch: SignalBatch, context: IngestContext): Promise<{ stored: number }> {
  const prepared = prepareBatch(batch, context, await lookUpBatch(batch, context));
  return (await writeBatches([prepared]))[0] ?? { stored: 0 };
}
