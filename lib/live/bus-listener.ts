// This node's ear on the live bus (PostgreSQL): one dedicated LISTEN connection. "Stored" news makes the hub read
// new rows from its own cursor; an ephemeral event goes straight to this node's streams. After the first LISTEN
// and after every reconnect the hub reads from its cursor too, so what was committed while the connection was
// down still arrives, and only once (the cursor moves past what was read). On SQLite, one node: nothing to hear.
import "server-only";
import { clusterLink } from "@/db/control-plane";
import { runtime } from "@/lib/runtime/runtime";
import { liveChannel, readBusPayload } from "./cluster-bus";
import { announceHere, dispatchHere } from "./hub";

/** The listener's application_name, so an operator (or a test) can find its connection in pg_stat_activity. */
export function listenerApplicationName(): string {
  return `openhouse-live-listener ${runtime().config.nodeName}`;
}

function catchUp(): void {
  announceHere().catch((error: unknown) => console.error("openhouse: reading live events after news failed", error));
}

/** Starts listening (from the composition root); resolves to its cleanup. */
export async function startLiveBusListener(): Promise<() => Promise<void>> {
  const cluster = clusterLink();
  if (!cluster) return async () => {};
  return cluster.listen(liveChannel, {
    applicationName: listenerApplicationName(),
    onListen: catchUp,
    onNotify(payload) {
      const news = readBusPayload(payload);
      if (news?.kind === "stored") catchUp();
      else if (news?.kind === "ephemeral") dispatchHere(news.event);
    },
  });
}
