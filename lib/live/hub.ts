// Live fan-out. A live event is committed to the control plane before anyone hears of it; then the bus carries
// only "rows up to id N exist", and each process reads the new rows once and hands them to its own streams.
// On PostgreSQL the same news also goes to the other app nodes as a NOTIFY (./cluster-bus.ts), and each node's
// listener (./bus-listener.ts) reads the rows itself, from its own cursor.
// A reconnect with Last-Event-ID reads what it missed from the same table, so it gets every event exactly once
// and in order (ids are handed out in commit order: db/queries/live.ts). Typing indicators are ephemeral: never
// stored, never replayed.
import "server-only";
import { store } from "@/db/control-plane";
import { deleteLiveEventsBefore, insertLiveEvents, liveEventsAfter, liveEventsBetween, newestLiveEventId } from "@/db/queries/live";
import type { Store } from "@/db/store";
import type { TeamStreamEvent, VisitorStreamEvent } from "@/lib/contracts/live-events";
import { runtime } from "@/lib/runtime/runtime";
import { tellOtherNodes } from "./cluster-bus";

/** "team": every signed-in member's workspace. "visitor:<id>": one prospect's panel. */
export type LiveTopic = "team" | `visitor:${string}`;

/**
 * An event as the hub carries it. Typed loosely on purpose: a stored one is replayed as an older server may have
 * written it, and the hub only forwards it; the pages parse it (lib/contracts/live-events.ts).
 */
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
export type Hub = {
  byTopic: Map<string, Set<Deliver>>;
  open: number;
  /** The highest stored id this process has fanned out (known once `ready` settles). */
  delivered: number;
  ready: Promise<void>;
  /** The announce in flight, and whether another must follow it (announces never overlap). */
  announcing?: Promise<void>;
  again: boolean;
};

/** Most missed events a reconnect replays; a client gone longer reloads its view instead. */
export const maxReplay = 500;

function hub(): Hub {
  return runtime().shared("live.hub", () => {
    const state: Hub = { byTopic: new Map<string, Set<Deliver>>(), open: 0, delivered: 0, ready: Promise.resolve(), again: false };
    // Streams hear of events stored from now on; older ones only through a replay.
    state.ready = newestLiveEventId().then((newest) => {
      state.delivered = Math.max(state.delivered, newest);
    });
    return state;
  });
}

/** An event to publish, with a payload that fits its type and a type its topic's stream carries. */
export type PendingLive = ({ topic: "team" } & TeamStreamEvent) | ({ topic: `visitor:${string}` } & VisitorStreamEvent);

/**
 * Stores live events inside the caller's transaction (pass its `tx`); call `announce()` once it has
 * committed. Writing them with the change they report is what makes "committed before told" hold.
 */
export function storeLive(tx: Store, events: readonly PendingLive[]): Promise<void> {
  return insertLiveEvents(events, tx);
}

/** Tells every stream, on every node, about stored events it has not had yet; call it after the commit. */
export async function announce(): Promise<void> {
  await Promise.all([announceHere(), tellOtherNodes({ kind: "stored" })]);
}

/**
 * Tells every stream of this process about stored events it has not had yet (the in-process bus). Calls made
 * while one runs are folded into one more run after it, so no event is read or dispatched twice.
 */
export function announceHere(): Promise<void> {
  const state = hub();
  if (state.announcing !== undefined) {
    state.again = true;
    return state.announcing;
  }
  const run = async (): Promise<void> => {
    await state.ready;
    do {
      state.again = false;
      for (const row of await liveEventsAfter(state.delivered)) {
        state.delivered = row.id;
        dispatch(state, { id: row.id, topic: row.topic as LiveTopic, type: row.type, payload: row.payload });
      }
    } while (state.again);
  };
  state.announcing = run().finally(() => {
    state.announcing = undefined;
  });
  return state.announcing;
}

/** Stores and announces in one go, for an event that is the whole change (a hand-raise alert). */
export async function publishLive(events: readonly PendingLive[]): Promise<void> {
  await store().transaction((tx) => storeLive(tx, events));
  await announce();
}

/** For what is worth nothing a second later (typing): straight to the streams open now, on every node. */
export function publishEphemeral(event: PendingLive): void {
  dispatch(hub(), event);
  void tellOtherNodes({ kind: "ephemeral", event });
}

/** An ephemeral event another node published (./bus-listener.ts): to this process's streams only. */
export function dispatchHere(event: PendingLive): void {
  dispatch(hub(), event);
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
 * Subscribes to topics at once and returns the unsubscribe function. With `lastEventId`, the stored events
 * after it (at most maxReplay, oldest first) are read and delivered first; events announced meanwhile wait in
 * a buffer and follow them, so none is lost or delivered twice: the replay reads up to what this process has
 * fanned out by then, and a stream passes on only stored events above the newest it has passed on.
 */
export function subscribeLive(topics: readonly LiveTopic[], lastEventId: number | undefined, deliver: Deliver): () => void {
  const state = hub();
  // The newest stored event this stream has had. A reconnect may land on a node that has not yet heard of
  // events the client saw on another node (its Last-Event-ID is above this node's cursor): those arrive here
  // later through the bus, and are dropped, so nothing reaches the client twice.
  let newest = lastEventId ?? 0;
  const pass: Deliver = (message, frame) => {
    if (message.id !== undefined) {
      if (message.id <= newest) return;
      newest = message.id;
    }
    deliver(message, frame);
  };
  // Only a reconnect has missed events to replay first; meanwhile what is announced waits in a buffer.
  let buffered: [LiveMessage, string][] | undefined = lastEventId === undefined ? undefined : [];
  const joined: Deliver = (message, frame) => {
    if (buffered) buffered.push([message, frame]);
    else pass(message, frame);
  };
  for (const topic of topics) {
    const streams = state.byTopic.get(topic) ?? new Set<Deliver>();
    if (streams.size === 0) state.byTopic.set(topic, streams);
    streams.add(joined);
  }
  state.open += 1;
  let subscribed = true;
  const replay = async () => {
    await state.ready;
    const upTo = state.delivered;
    if (lastEventId === undefined || lastEventId >= upTo) return;
    for (const row of await liveEventsBetween(topics, lastEventId, upTo, maxReplay)) {
      if (!subscribed) return;
      const message: LiveMessage = { id: row.id, topic: row.topic as LiveTopic, type: row.type, payload: row.payload };
      pass(message, sseFrame(message));
    }
  };
  if (buffered)
    replay()
      .catch((error: unknown) => console.error("live: replaying missed events failed", error))
      .finally(() => {
        const waiting = buffered ?? [];
        buffered = undefined;
        // The buffer may hold events the replay delivered too: pass drops those by id.
        for (const [message, frame] of waiting) if (subscribed) pass(message, frame);
      });
  return () => {
    if (!subscribed) return;
    subscribed = false;
    state.open -= 1;
    for (const topic of topics) {
      const streams = state.byTopic.get(topic);
      streams?.delete(joined);
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
export function pruneLive(now: Date, keepMs = 24 * 60 * 60_000): Promise<number> {
  return deleteLiveEventsBefore(new Date(now.getTime() - keepMs));
}
