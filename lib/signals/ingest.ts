// Stores validated batches of usage signals. Idempotent by event id; times clamped to what the server can
// believe; identity linked only when the visitor has not asked not to be tracked; sessions split after
// 30 idle minutes; a hand-raise counted once per raiser per window (hand-raise.ts). Reads happen per request,
// writes in one transaction per group (see group-commit.ts).
import "server-only";
import crypto from "node:crypto";
import { type ControlDb, controlDb } from "@/db/client";
import { announce } from "@/lib/live/hub";
import type { SignalBatch } from "./event-schema";
import { claimHandRaise, type HandRaiser, handRaiserOf, tellTeamOfHandRaise } from "./hand-raise";
import { assignSession, type OpenSession } from "./sessions";
import { controlStatements } from "./statements";

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

export type PreparedEvent = {
  id: string;
  type: string;
  demoSlug: string | null;
  stepId: string | null;
  stepIndex: number | null;
  action: string | null;
  props: string | null;
  occurredAt: number;
};

export type PreparedBatch = {
  visitorId?: string;
  sandboxId?: string;
  bot: boolean;
  receivedAt: number;
  events: PreparedEvent[];
  /** Who the batch's one hand-raise is from, when it carries one this sender may raise. */
  handRaiser?: HandRaiser;
};

const maxAgeMs = 24 * 60 * 60 * 1000;

export function clampEventTime(at: number, now: number): number {
  return Math.min(now, Math.max(now - maxAgeMs, at));
}

/** The per-request part: who is this, is the sandbox theirs, what time is it really. */
export function prepareBatch(batch: SignalBatch, context: IngestContext, db: ControlDb = controlDb()): PreparedBatch {
  const statements = controlStatements(db.$client);
  const receivedAt = (context.now ?? new Date()).getTime();
  const candidate = context.linkIdentity ? context.visitorId : undefined;
  const known = candidate ? statements.visitor.get(candidate) : undefined;
  // A visitor who arrived asking not to be tracked stays unlinked, whatever later requests say.
  const visitor = known && known.doNotTrack === 0 ? known : undefined;
  const visitorId = visitor?.id;
  const sandboxId = visitorId && batch.sandbox && statements.sandboxOwned.get(batch.sandbox, visitorId) ? batch.sandbox : undefined;
  // At most one hand-raise per batch, and only from a person who may raise one (hand-raise.ts).
  const raised = batch.events.find((event) => event.type === "handraise");
  const cookieVisitor = raised && context.visitorId ? (known ?? statements.visitor.get(context.visitorId)) : undefined;
  const handRaiser = raised
    ? handRaiserOf(
        { cookieVisitorId: cookieVisitor?.id, linkedVisitorId: visitorId, bot: (context.bot ?? false) || cookieVisitor?.bot === 1 },
        raised.demo ?? null,
        db,
      )
    : undefined;
  return {
    visitorId,
    sandboxId,
    // Automated browsers' events are marked; whether their visitor is a bot is decided when reading (no interaction).
    bot: (known ? known.bot === 1 : (context.bot ?? false)) || batch.webdriver === true,
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

function writeOne(db: ControlDb, batch: PreparedBatch, sessions: Map<string, OpenSession | undefined>): { stored: number } {
  const statements = controlStatements(db.$client);
  let stored = 0;
  const visitorId = batch.visitorId;
  let session = visitorId ? (sessions.has(visitorId) ? sessions.get(visitorId) : statements.latestSession.get(visitorId)) : undefined;
  const receivedAt = new Date(batch.receivedAt);
  for (const event of batch.events) {
    const handRaiser = event.type === "handraise" ? batch.handRaiser : undefined;
    // Claimed before it is stored: one that does not count is dropped. (A retry of one that did, come back after
    // the window, claims the window for nothing: it is stored once, below, and tells nobody again.)
    if (handRaiser && !claimHandRaise(db, handRaiser, receivedAt)) continue;
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
    if (handRaiser) tellTeamOfHandRaise(db, handRaiser, receivedAt);
  }
  if (visitorId) {
    if (session) statements.upsertSession.run(session.id, visitorId, session.startedAt, session.lastEventAt, session.eventCount);
    sessions.set(visitorId, session);
    statements.touchVisitor.run(batch.receivedAt, visitorId);
  }
  return { stored };
}

/** Writes many prepared batches in one transaction (one fsync), returning each one's count. */
export function writeBatches(batches: PreparedBatch[], db: ControlDb = controlDb()): { stored: number }[] {
  const sessions = new Map<string, OpenSession | undefined>();
  // One transaction on the connection; a hand-raise's claim, live event and alert (drizzle, same connection) join it.
  const written = db.$client.transaction(() => batches.map((batch) => writeOne(db, batch, sessions)))();
  // Committed: streams may hear of the hand-raises now ("committed before told", lib/live/hub.ts).
  if (batches.some((batch) => batch.handRaiser)) announce();
  return written;
}

export function ingestBatch(batch: SignalBatch, context: IngestContext, db: ControlDb = controlDb()): { stored: number } {
  return writeBatches([prepareBatch(batch, context, db)], db)[0] ?? { stored: 0 };
}
