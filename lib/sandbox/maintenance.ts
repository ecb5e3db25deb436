// Background upkeep for a running server: garbage collection and the global caps, on an interval.
import "server-only";
import { repeatEvery, type StopRepeating } from "@/lib/runtime/repeat";
import { evictIfOverCap } from "./eviction";
import { collectGarbage } from "./gc";

const intervalMs = 10 * 60_000;

export async function runSandboxMaintenance(now: Date = new Date()): Promise<{ expired: number; evicted: number }> {
  const garbage = await collectGarbage(now);
  const { evicted } = await evictIfOverCap();
  return { expired: garbage.expired, evicted: evicted.length };
}

/** Starts the interval (unref'd: it never keeps the process alive) and returns its cleanup. */
export function startSandboxMaintenance(): StopRepeating {
  // One failed run (a locked file, a full disk) does not stop the next one.
  return repeatEvery(intervalMs, "sandbox maintenance", () => runSandboxMaintenance(), { runNow: true });
}
