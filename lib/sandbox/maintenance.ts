// Background upkeep for a running server: garbage collection and the global caps, on an interval.
import "server-only";
import { evictIfOverCap } from "./eviction";
import { collectGarbage } from "./gc";

const intervalMs = 10 * 60_000;

export function runSandboxMaintenance(now: Date = new Date()): { expired: number; evicted: number } {
  const garbage = collectGarbage(now);
  const { evicted } = evictIfOverCap();
  return { expired: garbage.expired, evicted: evicted.length };
}

/** Starts the interval (unref'd: it never keeps the process alive) and returns its cleanup. */
export function startSandboxMaintenance(): () => void {
  const tick = () => {
    try {
      runSandboxMaintenance();
    } catch (error) {
      // One failed run (a locked file, a full disk) must not stop the next one.
      console.error("openhouse: sandbox maintenance failed", error);
    }
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
