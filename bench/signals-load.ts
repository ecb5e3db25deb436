// Load for bench:signals: autocannon posting batches of 20 events, each with fresh UUIDv7 ids.
import autocannon from "autocannon";
import { v7 as uuidv7 } from "uuid";

export const eventsPerBatch = 20;

export function batchBody(): string {
  const now = Date.now();
  const events = Array.from({ length: eventsPerBatch }, (_, index) => ({
    id: uuidv7(),
    // The browser may no longer send sandbox.action (the server records it on commit, 67bc63a, which made
    // every batch of this load a 400); step.completed keeps one event in five an interaction.
    type: index % 5 === 0 ? "step.completed" : "step.viewed",
    at: now,
    demo: "pipeline-basics",
    step: "board",
    stepIndex: 1,
  }));
  return JSON.stringify({ events });
}

export type LoadResult = { eventsPerSecond: number; p50: number; p99: number; non2xx: number; errors: number };

/** `cookies`: one visitor's, or several visitors' taken in turn, one per request (bench:cluster's prospects). */
export async function postLoad(url: string, seconds: number, connections: number, cookies?: string | string[]): Promise<LoadResult> {
  const jar = cookies === undefined ? [] : [cookies].flat();
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method: "POST",
    headers: { "content-type": "application/json" },
    requests: [
      {
        setupRequest: (request) => {
          const cookie = jar[next++ % Math.max(1, jar.length)];
          return { ...request, headers: { ...request.headers, ...(cookie ? { cookie } : {}) }, body: batchBody() };
        },
      },
    ],
  });
  const ok = result["2xx"];
  return {
    eventsPerSecond: (ok * eventsPerBatch) / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
