// Live events are kept a day for reconnects; older ones are pruned hourly (a client away longer reloads).
import "server-only";
import { repeatEvery, type StopRepeating } from "@/lib/runtime/repeat";
import { everyNode, type JobGate } from "@/lib/runtime/singletons";
import { pruneLive } from "./hub";

const everyMs = 60 * 60_000;

export function startLiveMaintenance(gate: JobGate = everyNode): StopRepeating {
  return repeatEvery(everyMs, "pruning live events", () => pruneLive(new Date()), { onlyWhen: gate });
}
