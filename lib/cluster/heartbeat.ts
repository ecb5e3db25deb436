// This node's heartbeat: its row in `nodes` rewritten every second, so the other nodes know it is alive (and
// where to hand it requests for its sandboxes). On SQLite it is the one node there is and nobody reads the row
// between its start and its stop, so it is written then and not every second: a write a second on the single
// writer, for no reader, was ingest's and everyone's to wait behind.
import "server-only";
import crypto from "node:crypto";
import { clusterLink } from "@/db/control-plane";
import { nodeByName, recordNodeBeat } from "@/db/queries/nodes";
import { repeatEvery, type StopRepeating } from "@/lib/runtime/repeat";
import { runtime } from "@/lib/runtime/runtime";

/** Well inside NODE_DEAD_AFTER_MS (3 s by default): two missed beats do not make a node dead. */
export const heartbeatMs = 1000;

/**
 * Writes the first beat now (a node is alive before it serves) and, where other nodes read it (PostgreSQL), starts
 * the timer. Its cleanup, run when the
 * node stops on purpose (SIGTERM: a restart, a deploy), stops beating and writes "back within
 * NODE_RESTART_GRACE_MS": until then the other nodes answer its visitors "retry shortly" instead of replacing
 * their copies. A node killed outright writes nothing, and is dead after NODE_DEAD_AFTER_MS.
 */
export async function startNodeHeartbeat(): Promise<() => Promise<void>> {
  const { nodeName, nodeUrl, nodeRestartGraceMs } = runtime().config;
  const instance = crypto.randomUUID();
  const startedAt = new Date();
  let lastBeat = 0;
  let warned = false;
  const beat = async () => {
    // Two live processes under one name would each take the other's sandboxes for their own. A restart is not
    // that (the old process stopped writing); a row someone else wrote since our last beat is.
    const row = lastBeat > 0 ? await nodeByName(nodeName) : undefined;
    if (row && row.instance !== instance && row.lastSeenAt.getTime() > lastBeat && !warned) {
      warned = true;
      console.error(`openhouse: another process is beating as node "${nodeName}" (${row.url}); give each node its own NODE_NAME`);
    }
    const now = new Date();
    await recordNodeBeat({ name: nodeName, url: nodeUrl, instance, startedAt, lastSeenAt: now });
    lastBeat = now.getTime();
  };
  await beat();
  const stopBeating: StopRepeating = clusterLink() ? repeatEvery(heartbeatMs, "node heartbeat", beat) : async () => {};
  return async () => {
    await stopBeating();
    const backBy = new Date(Date.now() + nodeRestartGraceMs);
    await recordNodeBeat({ name: nodeName, url: nodeUrl, instance, startedAt, lastSeenAt: backBy }).catch((error: unknown) =>
      console.error("openhouse: could not tell the other nodes this one is restarting", error),
    );
  };
}
