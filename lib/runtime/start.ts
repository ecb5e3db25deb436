// The composition root: everything a serving process needs, started in one place, in order, and stopped by
// the function it returns. `npm start`, `npm run dev` and the tests that want a whole server call this.
import "server-only";
import { migrateControlPlane, startDatabaseUpkeep } from "@/db/control-plane";
import { startNodeHeartbeat } from "@/lib/cluster/heartbeat";
import type { Config } from "@/lib/config";
import { registerDemos, templateFor } from "@/lib/demos/registry";
import { startRateLimitPruning } from "@/lib/http/shared-rate-limit";
import { startInsightsFold } from "@/lib/insights/fold";
import { startLiveBusListener } from "@/lib/live/bus-listener";
import { startLiveMaintenance } from "@/lib/live/maintenance";
import { startPresenceBeat } from "@/lib/live/node-streams";
import { startSignalWatch } from "@/lib/live/signal-watch";
import { startHeartbeats } from "@/lib/live/sse";
import { startSandboxMaintenance } from "@/lib/sandbox/maintenance";
import { fillSpares } from "@/lib/sandbox/spares";
import { serverSecret } from "@/lib/server-secret";
import { startSignalsMaintenance } from "@/lib/signals/maintenance";
import { startOutboxWorker } from "@/lib/webhooks/deliver";
import { keepDataPrivate } from "./private-data";
import { installRuntime, type Runtime } from "./runtime";
import { startSingletons } from "./singletons";

export type Started = {
  runtime: Runtime;
  /**
   * The node is going away on purpose: stop its heartbeat now, saying it will be back (lib/cluster/heartbeat.ts),
   * before the slower part of stopping (open connections draining) begins. stop() does it too if not done.
   */
  leaving: () => Promise<void>;
  /** The demos registered from the demo files. */
  demoSlugs: string[];
  /** Stops every timer and closes every connection this start opened. */
  stop: () => Promise<void>;
};

export type StartOptions = {
  /** Settings over the environment's (tests: other limits, another data directory). */
  config?: Partial<Config>;
  /** Background upkeep (GC, caps, retention, WAL checkpoints); on unless a test wants a still world. */
  maintenance?: boolean;
};

/**
 * Makes this process's runtime, makes its data directory private, migrates the control plane, registers the demos (throws a DemoFileError
 * listing every problem), fills the spare pools and starts the background upkeep.
 */
export async function startOpenhouse(options: StartOptions = {}): Promise<Started> {
  const runtime = installRuntime(options.config);
  try {
    keepDataPrivate(runtime.config.dataDir, runtime.paths);
    serverSecret();
    await migrateControlPlane();
    // Alive before serving: the other nodes hand this one its sandboxes' requests only while it beats.
    const stopHeartbeat = await startNodeHeartbeat();
    let left: Promise<void> | undefined;
    const leaving = () => {
      left ??= stopHeartbeat();
      return left;
    };
    runtime.onClose(leaving);
    // Keep only the names: a demo's parsed fixture can be megabytes, and this process lives long.
    const demoSlugs = (await registerDemos()).map((demo) => demo.slug);
    // The first visitors get a sandbox by rename, not by copy.
    for (const slug of demoSlugs) fillSpares(templateFor(slug));
    // Serving: open streams' heartbeats, and members with a team stream open kept "online".
    runtime.onClose(startHeartbeats());
    runtime.onClose(startPresenceBeat());
    // Live news from the other app nodes on the same PostgreSQL (nothing to hear on SQLite).
    runtime.onClose(await startLiveBusListener());
    if (options.maintenance ?? true) {
      // Jobs that run on one node at a time; every gate is open on SQLite.
      const singletons = await startSingletons();
      runtime.onClose(singletons.stop);
      // Expiry, caps and stray files; then the event store's retention purge and WAL checkpoints.
      runtime.onClose(startSandboxMaintenance(singletons.gate("sandboxRows")));
      runtime.onClose(startDatabaseUpkeep());
      runtime.onClose(startSignalsMaintenance(singletons.gate("retention")));
      // Activity to the live streams; alerts out of the outbox (every node, each row claimed once); old live
      // events and rate-limit buckets pruned.
      runtime.onClose(startSignalWatch(singletons.gate("signalWatch")));
      runtime.onClose(startOutboxWorker());
      runtime.onClose(startLiveMaintenance(singletons.gate("livePrune")));
      runtime.onClose(startRateLimitPruning(singletons.gate("rateLimitPrune")));
      // The rep pages' aggregates (and score alerts), folded from new events between requests, never inside ingest.
      runtime.onClose(startInsightsFold(singletons.gate("insightsFold")));
    }
    return { runtime, demoSlugs, leaving, stop: () => runtime.close() };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}
