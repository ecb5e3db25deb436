// Background upkeep for the event store: the retention purge and hand-raise claims past their window, hourly.
import "server-only";
import { pruneHandRaises } from "./hand-raise";
import { purgeExpiredEvents } from "./retention";

const purgeEveryMs = 60 * 60_000;

export function startSignalsMaintenance(): () => void {
  const purge = () => {
    purgeExpiredEvents()
      .then(async ({ purged }) => {
        if (purged > 0) console.log(`openhouse: purged ${purged} events past the retention window`);
        await pruneHandRaises(new Date());
      })
      .catch((error: unknown) => console.error("signals: retention purge failed", error));
  };
  purge();
  const purgeTimer = setInterval(purge, purgeEveryMs);
  purgeTimer.unref();
  return () => clearInterval(purgeTimer);
}
