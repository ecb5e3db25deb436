// This node's heartbeat: its row in `nodes` rewritten every second, so the other nodes know it is alive (and
// where to hand it requests for its sandboxes). On SQLite it is the one node there is, and nobody reads it.
import "server-only";
import crypto from "node:crypto";
import { nodeByName, recordNodeBeat } from "@/db/queries/nodes";
import { repeatEvery, type StopRepeating } from "@/lib/runtime/repeat";
import { runtime } from "@/lib/runtime/runtime";

/** Well inside NODE_DEAD_AFTER_MS (3 s by default): two missed beats do not make a node dead. */
export const heartbeatMs = 1000;

/** Writes the first beat now (a node is alive before it serves) and starts the timer; returns its cleanup. */
export async function startNodeHeartbeat(): Promise<StopRepeating> {
  const { nodeName, nodeUrl, nodeDeadAfterMs } = runtime().config;
  const instance = crypto.randomUUID();
  const startedAt = new Date();
  const before = await nodeByName(nodeName);
  // Two live processes under one name would each think the other's sandboxes their own: say so loudly.
  if (before && Date.now() - before.lastSeenAt.getTime() < nodeDeadAfterMs)
    console.error(`openhouse: another process is alive as node "${nodeName}" (${before.url}); give each node its own NODE_NAME`);
  const beat = () => recordNodeBeat({ name: nodeName, url: nodeUrl, instance, startedAt, lastSeenAt: new Date() });
  await beat();
  return repeatEvery(heartbeatMs, "node heartbeat", beat);
}
