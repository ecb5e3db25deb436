// One server-sent-events stream on plain node:http: the front door serves these, not Next, because a held
// stream costs ~4× less memory there and fans out ~3× faster (../shared/notes/sse.md).
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { runtime } from "@/lib/runtime/runtime";
import type { LiveMessage } from "./hub";

/** A comment line every so often keeps proxies from closing an idle stream. */
const heartbeatMs = 25_000;
/** How soon a dropped browser reconnects. */
const retryMs = 3_000;

/**
 * Every open stream's heartbeat, run by one timer for the process rather than one per stream: a thousand
 * streams then cost a thousand small closures, not a thousand timers.
 */
function heartbeats(): Set<() => void> {
  return runtime().shared("live.heartbeats", () => {
    const beats = new Set<() => void>();
    const timer = setInterval(() => {
      for (const beat of beats) beat();
    }, heartbeatMs);
    timer.unref();
    runtime().onClose(() => clearInterval(timer));
    return beats;
  });
}

/** The Last-Event-ID a reconnecting EventSource sends (or `?lastEventId=` for a first load that knows it). */
export function lastEventIdOf(request: IncomingMessage, url: URL): number | undefined {
  const raw = request.headers["last-event-id"] ?? url.searchParams.get("lastEventId") ?? undefined;
  if (typeof raw !== "string" || !/^\d{1,15}$/.test(raw)) return undefined;
  return Number(raw);
}

/** One event in the wire format: `id:` only for stored events, so an ephemeral one never moves the cursor. */
export function sseFrame(message: Pick<LiveMessage, "id" | "type" | "payload">): string {
  const id = message.id === undefined ? "" : `id: ${message.id}\n`;
  // JSON has no raw newlines, so one data line holds it.
  return `${id}event: ${message.type}\ndata: ${JSON.stringify(message.payload)}\n\n`;
}

/**
 * Opens the stream, hands `start` a `send`, and calls the cleanup `start` returns when the client goes
 * away. The first frames (a replay) may be written by `start` itself.
 */
export function openSseStream(
  request: IncomingMessage,
  response: ServerResponse,
  start: (send: (message: LiveMessage) => void) => () => void,
  onHeartbeat?: () => void,
): void {
  response.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  response.write(`retry: ${retryMs}\n\n`);
  let stop: (() => void) | undefined;
  let closed = false;
  const beats = heartbeats();
  const beat = () => {
    response.write(": keep-alive\n\n");
    onHeartbeat?.();
  };
  beats.add(beat);
  const close = () => {
    if (closed) return;
    closed = true;
    beats.delete(beat);
    stop?.();
  };
  request.on("close", close);
  response.on("close", close);
  response.on("error", close);
  stop = start((message) => {
    if (!closed) response.write(sseFrame(message));
  });
  if (closed) stop();
}
