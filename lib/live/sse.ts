// One server-sent-events stream on plain node:http: the front door serves these, not Next, because a held
// stream costs ~4× less memory there and fans out ~3× faster (../shared/notes/sse.md).
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { LiveEventOf } from "@/lib/contracts/live-events";
import { repeatEvery, type StopRepeating } from "@/lib/runtime/repeat";
import { runtime } from "@/lib/runtime/runtime";
import { type Deliver, sseFrame } from "./hub";

/** A comment line every so often keeps proxies from closing an idle stream. */
const heartbeatMs = 25_000;
/** How soon a dropped browser reconnects. */
const retryMs = 3_000;

/** Every open stream's response: one heartbeat for the process rather than one timer (or closure) per stream. */
function openStreams(): Set<ServerResponse> {
  return runtime().shared("live.open-streams", () => new Set<ServerResponse>());
}

/**
 * Beats every open stream (started by the composition root, lib/runtime/start.ts). Presence, which only the
 * team's streams keep, is touched per member, not per stream (node-streams.ts).
 */
export function startHeartbeats(): StopRepeating {
  return repeatEvery(heartbeatMs, "live heartbeats", async () => {
    for (const response of openStreams()) response.write(": keep-alive\n\n");
  });
}

/** The Last-Event-ID a reconnecting EventSource sends (or `?lastEventId=` for a first load that knows it). */
export function lastEventIdOf(request: IncomingMessage, url: URL): number | undefined {
  const raw = request.headers["last-event-id"] ?? url.searchParams.get("lastEventId") ?? undefined;
  if (typeof raw !== "string" || !/^\d{1,15}$/.test(raw)) return undefined;
  return Number(raw);
}

export { sseFrame } from "./hub";

/**
 * Ends a stream with a last frame saying why, and no reconnect: the browser closes its EventSource on it (an
 * EventSource reconnects by itself after a plain end, and would then push out the next tab).
 */
export function supersede(response: ServerResponse): void {
  if (response.destroyed || response.writableEnded) return;
  const last: LiveEventOf<"superseded"> = { type: "superseded", payload: { reason: "A newer tab of yours has the live updates" } };
  response.end(sseFrame(last));
}

/**
 * Opens the stream, hands `start` a `send`, and calls the cleanup `start` returns when the client goes away.
 * The first frames (a replay) may be written by `start` itself. Per stream this holds one `send` closure, one
 * `close` listener and a place in two sets: what a held socket costs beyond Node's own is kept that small.
 */
export function openSseStream(response: ServerResponse, start: (send: Deliver) => () => void): void {
  response.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  response.write(`retry: ${retryMs}\n\n`);
  const beats = openStreams();
  beats.add(response);
  let stop: (() => void) | undefined;
  // The response closes with its socket, whichever side ends it: one listener is enough.
  response.once("close", () => {
    beats.delete(response);
    stop?.();
    stop = undefined;
  });
  const unsubscribe = start((_message, frame) => {
    if (!response.destroyed) response.write(frame);
  });
  if (response.destroyed) unsubscribe();
  else stop = unsubscribe;
}
