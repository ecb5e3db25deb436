// Background upkeep for the event store: the retention purge and hand-raise claims past their window, hourly.
import "server-only";
import { repeatEvery, type StopRepeating } from "@/lib/runtime/repeat";
import { everyNode, type JobGate } from "@/lib/runtime/singletons";
import { pruneHandRaises } from "./hand-raise";
import { purgeExpiredEvents } from "./retention";

const purgeEveryMs = 60 * 60_000;

export function startSignalsMaintenance(gate: JobGate = everyNode): StopRepeating {
  return repeatEvery(
    purgeEveryMs,
    "the retention purge",
    async () => {
      const { purged } = await purgeExpiredEvents();
      if (purged > 0) console.log(`openhouse: purged ${purged} events past the retention window`);
      await pruneHandRaises(new Date());
    },
    { runNow: true, onlyWhen: gate },
  );
}
