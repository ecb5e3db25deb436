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

type Subscriber = { topics: ReadonlySet<string>; deliver: (message: LiveMessage) => void };

type Hub = {
  subscribers: Set<Subscriber>;
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
    return { subscribers: new Set<Subscriber>(), delivered: newest };
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

function dispatch(state: Hub, message: LiveMessage): void {
  for (const subscriber of state.subscribers) {
    if (!subscriber.topics.has(message.topic)) continue;
    try {
      subscriber.deliver(message);
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
export function subscribeLive(
  topics: readonly LiveTopic[],
  lastEventId: number | undefined,
  deliver: (message: LiveMessage) => void,
): () => void {
  const state = hub();
  if (lastEventId !== undefined && lastEventId < state.delivered) {
    const missed = controlDb()
      .select()
      .from(liveEvents)
      .where(and(inArray(liveEvents.topic, [...topics]), gt(liveEvents.id, lastEventId), lte(liveEvents.id, state.delivered)))
      .orderBy(asc(liveEvents.id))
      .limit(maxReplay)
      .all();
    for (const row of missed) deliver({ id: row.id, topic: row.topic as LiveTopic, type: row.type, payload: row.payload });
  }
  const subscriber: Subscriber = { topics: new Set(topics), deliver };
  state.subscribers.add(subscriber);
  return () => state.subscribers.delete(subscriber);
}

/** How many streams this process holds open (the live bench and the tests read it). */
export function openLiveStreams(): number {
  return hub().subscribers.size;
}

/** Forgets stored events older than `keepMs` (a reconnect after that reloads its view); returns how many. */
export function pruneLive(now: Date, keepMs = 24 * 60 * 60_000): number {
  return controlDb()
    .delete(liveEvents)
    .where(lt(liveEvents.createdAt, new Date(now.getTime() - keepMs)))
    .run().changes;
}
