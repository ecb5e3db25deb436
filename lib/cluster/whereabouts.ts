// Where a sandbox's file is: on this node, on another node that is alive (hand it the request), or on a node
// that stopped beating (its visitor gets a fresh copy). Only a sandbox recorded on another node costs a query.
import "server-only";
import type { NodeRow, Sandbox } from "@/db/control/schema";
import { nodeByName } from "@/db/queries/nodes";
import { runtime } from "@/lib/runtime/runtime";

export type Whereabouts = { state: "here" } | { state: "elsewhere"; node: NodeRow } | { state: "lost"; nodeName: string };

export async function sandboxWhereabouts(sandbox: Pick<Sandbox, "node">, now = new Date()): Promise<Whereabouts> {
  const { nodeName, nodeDeadAfterMs } = runtime().config;
  // A row from before nodes were recorded belongs to whoever serves it: a single node, as it always did.
  if (sandbox.node === null || sandbox.node === nodeName) return { state: "here" };
  const node = await nodeByName(sandbox.node);
  if (node && now.getTime() - node.lastSeenAt.getTime() <= nodeDeadAfterMs) return { state: "elsewhere", node };
  return { state: "lost", nodeName: sandbox.node };
}
