// Live events are kept a day for reconnects; older ones are pruned hourly (a client away longer reloads).
import "server-only";
import { pruneLive } from "./hub";

const everyMs = 60 * 60_000;

export function startLiveMaintenance(): () => void {
  const timer = setInterval(() => {
    pruneLive(new Date()).catch((error: unknown) => console.error("live: pruning failed", error));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
