// The app nodes of a cluster: each one's heartbeat row (lib/cluster/heartbeat.ts), read to tell a live owner of
// a sandbox from a dead one.
import "server-only";
import { eq } from "drizzle-orm";
import type { NodeRow } from "@/db/control/schema";
import { store } from "@/db/control-plane";
import type { Store } from "@/db/store";

export function nodeByName(name: string, s: Store = store()): Promise<NodeRow | undefined> {
  const { nodes } = s.t;
  return s.one(s.db.select().from(nodes).where(eq(nodes.name, name)));
}

/** Writes the node's row: made on its first beat, its URL, instance and last-seen time kept current after. */
export async function recordNodeBeat(row: NodeRow, s: Store = store()): Promise<void> {
  const { nodes } = s.t;
  await s.run(
    s.db
      .insert(nodes)
      .values(row)
      .onConflictDoUpdate({
        target: nodes.name,
        set: { url: row.url, instance: row.instance, startedAt: row.startedAt, lastSeenAt: row.lastSeenAt },
      }),
  );
}
