// Turns fresh usage signals into live news without touching the ingest path (whose group commit is the
// core's throughput): every half second it reads the events committed since its last look, in commit order
// (db/store.ts, eventsAfter: the read costs what arrived, not what is stored), and tells the team's streams,
// ephemerally, which visitors were active (the "live now" page refreshes). One node watches (a singleton,
// lib/runtime/singletons.ts); the news reaches the others' streams over the live bus. Hand-raises are not its
// business: each is claimed, stored, announced and alerted once, in ingest's own transaction
// (lib/signals/hand-raise.ts), which a watch in every app node could not promise.
import "server-only";
import { store } from "@/db/control-plane";
import { repeatEvery, type StopRepeating } from "@/lib/runtime/repeat";
import { runtime } from "@/lib/runtime/runtime";
import { everyNode, type JobGate } from "@/lib/runtime/singletons";
import { publishEphemeral } from "./hub";

export const watchIntervalMs = 500;
/** Most events one look reads; a burst larger than this is read over the next looks. */
const batch = 5_000;

/** Where the watch has read to: events committed before it started are old news. */
function watermark(): Promise<{ cursor: string | null }> {
  return runtime().shared("live.signal-watermark", () =>
    store()
      .special.newestEventCursor()
      .then((cursor) => ({ cursor })),
  );
}

/** One look: returns how many events it read. */
export async function watchSignalsOnce(now: Date = new Date()): Promise<number> {
  const mark = await watermark();
  // Only who was active, grouped by the database: reading and parsing whole rows here, twice a second, cost
  // about half as much as storing them while ingest was busy (a CPU profile under bench:signals).
  const fresh = await store().special.visitorsActiveAfter(mark.cursor, batch);
  if (fresh.events === 0) return 0;
  mark.cursor = fresh.cursor;
  const active = fresh.visitorIds;
  if (active.length > 0)
    publishEphemeral({ topic: "team", type: "activity", payload: { visitors: active.slice(0, 200), at: now.getTime() } });
  return fresh.events;
}

export function startSignalWatch(gate: JobGate = everyNode): StopRepeating {
  let watching = false;
  // One look at a time: a slow look is followed by the next, never overlapped by it.
  return repeatEvery(watchIntervalMs, "watching signals", async () => {
    if (!gate()) {
      watching = false;
      return;
    }
    // Taking the watch (back) over: what arrived while another node watched was that node's news to tell.
    if (!watching) (await watermark()).cursor = await store().special.newestEventCursor();
    watching = true;
    await watchSignalsOnce();
  });
}
