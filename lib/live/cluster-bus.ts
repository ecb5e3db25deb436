// Live news between app nodes on one PostgreSQL. A stored event needs only "there is more": each node reads the
// rows itself (lib/live/hub.ts), so the NOTIFY carries no data. An ephemeral one (typing, activity, who is in a
// shared copy) is never stored, so it travels in the payload, and is checked against the live-events contract
// on arrival like anything else read off the wire. The sender skips its own echo: it told its streams already.
import "server-only";
import { z } from "zod";
import { clusterLink } from "@/db/control-plane";
import { isLiveEventOf, liveEventSchema, teamStreamTypes, visitorStreamTypes } from "@/lib/contracts/live-events";
import { runtime } from "@/lib/runtime/runtime";
import type { PendingLive } from "./hub";

export const liveChannel = "openhouse_live";

const topicSchema = z.union([z.literal("team"), z.string().regex(/^visitor:[\w-]{1,80}$/)]);

/** What one NOTIFY on the live channel says. */
const busMessageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("stored"), from: z.string() }),
  z.object({
    kind: z.literal("ephemeral"),
    from: z.string(),
    topic: topicSchema,
    type: z.string(),
    payload: z.record(z.string(), z.unknown()),
  }),
]);

export type BusNews = { kind: "stored" } | { kind: "ephemeral"; event: PendingLive };

/** The node's own name on the bus: this runtime's id, random per process start. */
function selfName(): string {
  return runtime().id;
}

/**
 * Tells the other nodes; a failure is logged, not thrown: the change is committed, and the next news carries it.
 * An ephemeral event too large for a NOTIFY (8,000 bytes) stays on its node, logged.
 */
export async function tellOtherNodes(news: BusNews): Promise<void> {
  const cluster = clusterLink();
  if (!cluster) return;
  const message = news.kind === "stored" ? { kind: "stored", from: selfName() } : { kind: "ephemeral", from: selfName(), ...news.event };
  try {
    await cluster.notify(liveChannel, JSON.stringify(message));
  } catch (error) {
    console.error(`openhouse: could not tell the other nodes of a live ${news.kind} event`, error instanceof Error ? error.message : error);
  }
}

/** A payload off the channel as news for this node, or undefined for our own echo or anything that does not fit. */
export function readBusPayload(payload: string): BusNews | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return undefined;
  }
  const parsed = busMessageSchema.safeParse(raw);
  if (!parsed.success || parsed.data.from === selfName()) return undefined;
  const message = parsed.data;
  if (message.kind === "stored") return { kind: "stored" };
  const event = liveEventSchema.safeParse({ type: message.type, payload: message.payload });
  if (!event.success) return undefined;
  // Only a type the topic's stream carries: what a page of that stream may be handed.
  if (message.topic === "team")
    return isLiveEventOf(event.data, teamStreamTypes) ? { kind: "ephemeral", event: { topic: "team", ...event.data } } : undefined;
  if (isVisitorTopic(message.topic) && isLiveEventOf(event.data, visitorStreamTypes))
    return { kind: "ephemeral", event: { topic: message.topic, ...event.data } };
  return undefined;
}

function isVisitorTopic(topic: string): topic is `visitor:${string}` {
  return topic.startsWith("visitor:");
}
