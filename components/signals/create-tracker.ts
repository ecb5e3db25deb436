// The browser side of the signals pipeline over an injected platform: events wait in an outbox and leave in
// batches; a batch leaves the outbox only when the server acknowledged it. Failures back off (honouring
// Retry-After); on page hide the rest goes by sendBeacon and stays for the next page, which re-sends it — ids
// make that safe. Never throws into the host page.
import type { SignalBatch, SignalEvent } from "@/lib/signals/event-schema";
import { createOutbox } from "./outbox";
import type { TrackerPlatform } from "./platform";
import { isAcknowledged, retryAfterMs, retryDelayMs } from "./retry-policy";
import { uuidV7 } from "./uuid-v7";

export type TrackInput = Omit<SignalEvent, "id" | "at">;

export interface Tracker {
  track(input: TrackInput): void;
  /** Binds later batches to this sandbox (the server still checks it is the caller's). */
  setSandbox(id: string | undefined): void;
  /** Sends the next batch now, unless one is already on its way. */
  flush(): Promise<void>;
  /** Removes every listener and timer the tracker added; events tracked later wait in the outbox for the next page. */
  stop(): void;
}

export interface TrackerOptions {
  endpoint?: string;
}

export const batchSize = 50;
/** Long enough to gather a tour step's burst of events into one request. */
export const flushDelayMs = 1500;

export function createTracker(platform: TrackerPlatform, options: TrackerOptions = {}): Tracker {
  const endpoint = options.endpoint ?? "/api/signals";
  const outbox = createOutbox(platform.storage);
  let sandbox: string | undefined;
  let timer: number | undefined;
  let timerDueAt = Number.POSITIVE_INFINITY;
  let failures = 0;
  let sending = false;
  let stopped = false;

  function cancelTimer(): void {
    if (timer !== undefined) platform.clearTimeout(timer);
    timer = undefined;
    timerDueAt = Number.POSITIVE_INFINITY;
  }

  /** The earliest wish wins, except that new events never cut a backoff short. */
  function schedule(delayMs: number, backingOff = false): void {
    const dueAt = platform.now() + delayMs;
    if (stopped || (!backingOff && (dueAt >= timerDueAt || (failures > 0 && timer !== undefined)))) return;
    cancelTimer();
    timerDueAt = dueAt;
    timer = platform.setTimeout(() => {
      timer = undefined;
      timerDueAt = Number.POSITIVE_INFINITY;
      void flush();
    }, delayMs);
  }

  function batchBody(events: SignalEvent[]): string {
    const body: SignalBatch = {
      sandbox,
      events,
      ...(platform.webdriver ? { webdriver: true } : {}),
      // Beside the Sec-GPC / DNT headers, which a proxy may strip.
      ...(platform.noTracking ? { noTracking: true } : {}),
    };
    return JSON.stringify(body);
  }

  function backoff(retryAfter: number | undefined): void {
    failures++;
    schedule(retryDelayMs(failures, retryAfter, platform.random()), true);
  }

  async function sendNextBatch(): Promise<void> {
    cancelTimer();
    const events = outbox.read().slice(0, batchSize);
    if (events.length === 0) return;
    const response = await platform.fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: batchBody(events),
      keepalive: true,
      credentials: "same-origin",
    });
    if (isAcknowledged(response.status)) {
      outbox.remove(new Set(events.map((event) => event.id)));
      failures = 0;
      // A timer, never a direct call: it fires after `sending` is cleared below.
      if (outbox.read().length > 0) schedule(0);
    } else {
      backoff(retryAfterMs(response.headers.get("retry-after"), platform.now()));
    }
  }

  async function flush(): Promise<void> {
    if (sending || stopped) return;
    sending = true;
    try {
      await sendNextBatch();
    } catch {
      backoff(undefined); // Offline, or the server is restarting.
    } finally {
      sending = false;
    }
  }

  function sendRestByBeacon(): void {
    try {
      if (!platform.sendBeacon) return;
      const events = outbox.read();
      for (let start = 0; start < events.length; start += batchSize) {
        // text/plain keeps the beacon a "simple" request; the server reads it as JSON. The events stay in the
        // outbox: a beacon has no answer, so the next page re-sends them and the server drops repeats.
        const body = new Blob([batchBody(events.slice(start, start + batchSize))], { type: "text/plain;charset=UTF-8" });
        platform.sendBeacon(endpoint, body);
      }
    } catch {
      // The page is going away; what is left is re-sent by the next one.
    }
  }

  const cleanups = [
    platform.listen("pagehide", sendRestByBeacon),
    platform.listen("visibilitychange", () => {
      if (platform.isHidden()) sendRestByBeacon();
    }),
    platform.listen("online", () => void flush()),
  ];
  // Whatever a previous page left unacknowledged goes out now.
  if (outbox.read().length > 0) schedule(0);

  return {
    track(input) {
      try {
        const at = platform.now();
        outbox.add({ ...input, id: uuidV7(at, platform.randomBytes(10)), at });
        // A hand-raise goes out at once: a rep is told of it within seconds (lib/live/signal-watch.ts).
        schedule(outbox.read().length >= batchSize || input.type === "handraise" ? 0 : flushDelayMs);
      } catch {
        // Tracking must never break the product.
      }
    },
    setSandbox(id) {
      sandbox = id;
    },
    flush,
    stop() {
      stopped = true;
      cancelTimer();
      for (const cleanup of cleanups.splice(0)) cleanup();
    },
  };
}
