// Turns fresh usage signals into live news without touching the ingest path (whose group commit is the
// core's throughput): every half second it reads the events committed since its last look, in commit order
// (db/store.ts, eventsAfter: the read costs what arrived, not what is stored), and
// - for each hand-raise stores a live "handraise" event for the team and queues the hand-raise alert;
// - tells the team's streams, ephemerally, which visitors were active (the "live now" page refreshes).
import "server-only";
import { store } from "@/db/control-plane";
import { runtime } from "@/lib/runtime/runtime";
import { enqueueAlert } from "@/lib/webhooks/enqueue";
import { announce, type PendingLive, publishEphemeral, storeLive } from "./hub";

export const watchIntervalMs = 500;
/** Most events one look reads; a burst larger than this is read over the next looks. */
const batch = 5_000;

/** Where the watch has read to: events committed before it started are old news. */
function watermark(): Promise<{ cursor: string | null }> {
  return runtime().shared("live.signalWatermark", () =>
    store()
      .special.newestEventCursor()
      .then((cursor) => ({ cursor })),
  );
}

/** One look: returns how many events it read. */
export async function watchSignalsOnce(now: Date = new Date()): Promise<number> {
  const mark = await watermark();
  const fresh = await store().special.eventsAfter(mark.cursor, batch);
  if (fresh.length === 0) return 0;
  mark.cursor = fresh.at(-1)?.cursor ?? mark.cursor;

  const raised = fresh.filter((event) => event.type === "handraise");
  if (raised.length > 0) {
    const live: PendingLive[] = raised.map((event) => ({
      topic: "team",
      type: "handraise",
      payload: { visitorId: event.visitorId, demo: event.demoSlug, at: now.getTime() },
    }));
    await store().transaction(async (tx) => {
      await storeLive(tx, live);
      for (const event of raised) {
        const who = event.visitorId ? "A prospect" : "An anonymous prospect (Do-Not-Track)";
        await enqueueAlert(
          tx,
          {
            kind: "handraise",
            text: `${who} raised a hand in ${event.demoSlug ?? "a demo"}`,
            data: { visitorId: event.visitorId, demo: event.demoSlug },
          },
          now,
        );
      }
    });
    await announce();
  }
  const active = [...new Set(fresh.map((event) => event.visitorId).filter((id): id is string => id !== null))];
  if (active.length > 0) publishEphemeral("team", "activity", { visitors: active.slice(0, 200), at: now.getTime() });
  return fresh.length;
}

export function startSignalWatch(): () => void {
  let running = false;
  const timer = setInterval(() => {
    // One look at a time: a slow look is followed by the next, never overlapped by it.
    if (running) return;
    running = true;
    watchSignalsOnce()
      .catch((error: unknown) => console.error("live: watching signals failed", error))
      .finally(() => {
        running = false;
      });
  }, watchIntervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
