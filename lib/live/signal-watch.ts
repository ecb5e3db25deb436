// Turns fresh usage signals into live news without touching the ingest path (whose group commit is the
// core's throughput): every half second it reads the events stored since its last look, by rowid (the
// table's own b-tree, so the read costs what arrived, not what is stored), and
// - for each hand-raise stores a live "handraise" event for the team and queues the hand-raise alert;
// - tells the team's streams, ephemerally, which visitors were active (the "live now" page refreshes).
import "server-only";
import { controlDb } from "@/db/client";
import { runtime } from "@/lib/runtime/runtime";
import { enqueueAlert } from "@/lib/webhooks/enqueue";
import { announce, type PendingLive, publishEphemeral, storeLive } from "./hub";

export const watchIntervalMs = 500;
/** Most events one look reads; a burst larger than this is read over the next looks. */
const batch = 5_000;

type Fresh = { rowid: number; visitor_id: string | null; demo_slug: string | null; type: string; step_id: string | null };

function watermark(): { rowid: number } {
  return runtime().shared("live.signalWatermark", () => {
    const newest = controlDb().$client.prepare("select coalesce(max(rowid), 0) as rowid from events").get() as { rowid: number };
    return { rowid: newest.rowid };
  });
}

/** One look: returns how many events it read. */
export function watchSignalsOnce(now: Date = new Date()): number {
  const mark = watermark();
  const db = controlDb();
  const fresh = db.$client
    .prepare("select rowid, visitor_id, demo_slug, type, step_id from events where rowid > ? order by rowid limit ?")
    .all(mark.rowid, batch) as Fresh[];
  if (fresh.length === 0) return 0;
  mark.rowid = fresh.at(-1)?.rowid ?? mark.rowid;

  const raised = fresh.filter((event) => event.type === "handraise");
  if (raised.length > 0) {
    const live: PendingLive[] = raised.map((event) => ({
      topic: "team",
      type: "handraise",
      payload: { visitorId: event.visitor_id, demo: event.demo_slug, at: now.getTime() },
    }));
    db.transaction((tx) => {
      storeLive(tx, live);
      for (const event of raised) {
        const who = event.visitor_id ? "A prospect" : "An anonymous prospect (Do-Not-Track)";
        enqueueAlert(
          tx,
          {
            kind: "handraise",
            text: `${who} raised a hand in ${event.demo_slug ?? "a demo"}`,
            data: { visitorId: event.visitor_id, demo: event.demo_slug },
          },
          now,
        );
      }
    });
    announce();
  }
  const active = [...new Set(fresh.map((event) => event.visitor_id).filter((id): id is string => id !== null))];
  if (active.length > 0) publishEphemeral("team", "activity", { visitors: active.slice(0, 200), at: now.getTime() });
  return fresh.length;
}

export function startSignalWatch(): () => void {
  const timer = setInterval(() => {
    try {
      watchSignalsOnce();
    } catch (error) {
      console.error("live: watching signals failed", error);
    }
  }, watchIntervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
