// Live fan-out. A live event is committed to control.sqlite before anyone hears of it; then the bus carries
// only "rows up to id N exist", and each process reads the new rows once and hands them to its own streams.
// That is the shape PostgreSQL LISTEN/NOTIFY gives when the control plane moves there: the bus becomes a
// NOTIFY, nothing else changes. A reconnect with Last-Event-ID reads what it missed from the same table, so it
// gets every event exactly once and in order. Typing indicators are ephemeral: never stored, never replayed.
import "server-only";
import { and, asc, gt, inArray, lt, lte, max } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { liveEvents } from "@/db/control/schema";
import { runtime } from "@/lib/runtime/runtime";

/** "team": every signed-in member's workspace. "visitor:<id>": one prospect's panel. */
export type LiveTopic = "team" | `visitor:${string}`;

export type LiveMessage = {
  /** Set for stored events (the SSE id a reconnect resumes from); absent for ephemeral ones. */
  id?: number;
  topic: LiveTopic;
  type: string;
  payload: Record<string, unknown>;
};

/** Gets each event with its wire frame, serialised once per event rather than once per stream. */
export type Deliver = (message: LiveMessage, frame: string) => void;

/**
 * Streams by topic: a topic's event walks only its own streams, and a stream costs one entry in one set (its
 * deliver function), not an object with a set of its own. Measured per 1,000 streams by `npm run bench:live`.
 */
type Hub = {
  byTopic: Map<string, Set<Deliver>>;
  open: number;
  /** The highest stored id this process has fanned out. */
  delivered: number;
};

/** Most missed events a reconnect replays; a client gone longer reloads its view instead. */
export const maxReplay = 500;

function hub(): Hub {
  return runtime().shared("live.hub", () => {
    const newest =
      controlDb()
        .select({ id: max(liveEvents.id) })
        .from(liveEvents)
        .get()?.id ?? 0;
    return { byTopic: new Map<string, Set<Deliver>>(), open: 0, delivered: newest };
  });
}

export type PendingLive = { topic: LiveTopic; type: string; payload: Record<string, unknown> };

/**
 * Stores live events inside the caller's transaction (pass its `tx`); call `announce()` once it has
 * committed. Writing them with the change they report is what makes "committed before told" hold.
 */
export function storeLive(tx: Pick<ControlDb, "insert">, events: readonly PendingLive[]): void {
  if (events.length === 0) return;
  tx.insert(liveEvents)
    .values(events.map((event) => ({ topic: event.topic, type: event.type, payload: event.payload })))
    .run();
}

/** Tells every stream of this process about stored events it has not had yet (the in-process bus). */
export function announce(): void {
  const state = hub();
  const rows = controlDb().select().from(liveEvents).where(gt(liveEvents.id, state.delivered)).orderBy(asc(liveEvents.id)).all();
  for (const row of rows) {
    state.delivered = row.id;
    dispatch(state, { id: row.id, topic: row.topic as LiveTopic, type: row.type, payload: row.payload });
  }
}

/** Stores and announces in one go, for an event that is the whole change (a hand-raise alert). */
export function publishLive(events: readonly PendingLive[]): void {
  const db = controlDb();
  db.transaction((tx) => storeLive(tx, events));
  announce();
}

/** For what is worth nothing a second later (typing): straight to the streams open now. */
export function publishEphemeral(topic: LiveTopic, type: string, payload: Record<string, unknown>): void {
  dispatch(hub(), { topic, type, payload });
}

/** One event in the SSE wire format: `id:` only for stored events, so an ephemeral one never moves the cursor. */
export function sseFrame(message: Pick<LiveMessage, "id" | "type" | "payload">): string {
  const id = message.id === undefined ? "" : `id: ${message.id}\n`;
  // JSON has no raw newlines, so one data line holds it.
  return `${id}event: ${message.type}\ndata: ${JSON.stringify(message.payload)}\n\n`;
}

function dispatch(state: Hub, message: LiveMessage): void {
  const streams = state.byTopic.get(message.topic);
  if (!streams) return;
  const frame = sseFrame(message);
  for (const deliver of streams) {
    try {
      deliver(message, frame);
    } catch (error) {
      // One broken stream must not starve the others; its own close handler unsubscribes it.
      console.error("live: a stream failed to take an event", error);
    }
  }
}

/**
 * Subscribes to topics. With `lastEventId`, first replays the stored events after it (at most maxReplay,
 * oldest first). Reading the replay and joining the live set happen in one synchronous step, so no event can
 * fall between them in this process. Returns the unsubscribe function.
 */
export function subscribeLive(topics: readonly LiveTopic[], lastEventId: number | undefined, deliver: Deliver): () => void {
  const state = hub();
  if (lastEventId !== undefined && lastEventId < state.delivered) {
    const missed = controlDb()
      .select()
      .from(liveEvents)
      .where(and(inArray(liveEvents.topic, [...topics]), gt(liveEvents.id, lastEventId), lte(liveEvents.id, state.delivered)))
      .orderBy(asc(liveEvents.id))
      .limit(maxReplay)
      .all();
    for (const row of missed) {
      const message: LiveMessage = { id: row.id, topic: row.topic as LiveTopic, type: row.type, payload: row.payload };
      deliver(message, sseFrame(message));
    }
  }
  for (const topic of topics) {
    const streams = state.byTopic.get(topic) ?? new Set<Deliver>();
    if (streams.size === 0) state.byTopic.set(topic, streams);
    streams.add(deliver);
  }
  state.open += 1;
  let subscribed = true;
  return () => {
    if (!subscribed) return;
    subscribed = false;
    state.open -= 1;
    for (const topic of topics) {
      const streams = state.byTopic.get(topic);
      streams?.delete(deliver);
      // A visitor's topic goes with their last tab; only "team" stays around.
      if (streams?.size === 0) state.byTopic.delete(topic);
    }
  };
}

/** How many streams this process holds open (the live bench and the tests read it). */
export function openLiveStreams(): number {
  return hub().open;
}

/** Forgets stored events older than `keepMs` (a reconnect after that reloads its view); returns how many. */
export function pruneLive(now: Date, keepMs = 24 * 60 * 60_000): number {
  return controlDb()
    .delete(liveEvents)
    .where(lt(liveEvents.createdAt, new Date(now.getTime() - keepMs)))
    .run().changes;
}
