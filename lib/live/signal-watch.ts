// Turns fresh usage signals into live news without touching the ingest path (whose group commit is the
// core's throughput): every half second it reads the events stored since its last look, by rowid (the
// table's own b-tree, so the read costs what arrived, not what is stored), and tells the team's streams,
// ephemerally, which visitors were active (the "live now" page refreshes). Hand-raises are not its business:
// each is claimed, stored, announced and alerted once, in ingest's own transaction (lib/signals/hand-raise.ts),
// which a watch in every app node could not promise.
import "server-only";
import { controlDb } from "@/db/client";
import { runtime } from "@/lib/runtime/runtime";
import { publishEphemeral } from "./hub";

export const watchIntervalMs = 500;
/** Most events one look reads; a burst larger than this is read over the next looks. */
const batch = 5_000;

type Fresh = { rowid: number; visitor_id: string | null };

function watermark(): { rowid: number } {
  return runtime().shared("live.signalWatermark", () => {
    const newest = controlDb().$client.prepare("select coalesce(max(rowid), 0) as rowid from events").get() as { rowid: number };
    return { rowid: newest.rowid };
  });
}

/** One look: returns how many events it read. */
export function watchSignalsOnce(now: Date = new Date()): number {
  const mark = watermark();
  const fresh = controlDb()
    .$client.prepare("select rowid, visitor_id from events where rowid > ? order by rowid limit ?")
    .all(mark.rowid, batch) as Fresh[];
  if (fresh.length === 0) return 0;
  mark.rowid = fresh.at(-1)?.rowid ?? mark.rowid;

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
