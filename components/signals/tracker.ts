"use client";
// Browser side of the signals pipeline: events go to an outbox (sessionStorage) and are sent in batches
// to /api/signals; a batch leaves the outbox only when the server acknowledged it. Failures back off
// (honouring Retry-After); on page hide the rest goes by sendBeacon and is re-sent on the next page —
// ids make that safe. Never throws into the host page.
import { v7 as uuidv7 } from "uuid";
import type { SignalBatch, SignalEvent } from "@/lib/signals/event-schema";
import { addToOutbox, readOutbox, removeFromOutbox } from "./outbox";

export type TrackInput = Omit<SignalEvent, "id" | "at">;

const endpoint = "/api/signals";
const batchSize = 50;
const flushDelayMs = 1500;
const maxBackoffMs = 60_000;

let sandboxId: string | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight = false;
let failures = 0;
let listening = false;

/** Tells the server when an automation tool drives this browser (a crawler, a test robot). */
function automation(): { webdriver?: true } {
  return navigator.webdriver === true ? { webdriver: true } : {};
}

function schedule(delayMs: number): void {
  if (timer === undefined) timer = setTimeout(() => void flush(), delayMs);
}

function backoff(retryAfterSeconds: number | undefined): void {
  failures++;
  const exponential = Math.min(maxBackoffMs, 1000 * 2 ** (failures - 1));
  schedule(Math.max(exponential, (retryAfterSeconds ?? 0) * 1000) * (0.8 + Math.random() * 0.4));
}

async function flush(): Promise<void> {
  timer = undefined;
  if (inFlight) return;
  const events = readOutbox().slice(0, batchSize);
  if (events.length === 0) return;
  inFlight = true;
  try {
    const body: SignalBatch = { sandbox: sandboxId, events, ...automation() };
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      keepalive: true,
      credentials: "same-origin",
    });
    if (response.ok || (response.status >= 400 && response.status < 500 && response.status !== 429)) {
      // Stored, or refused for good (a malformed event does not get better by retrying).
      removeFromOutbox(new Set(events.map((event) => event.id)));
      failures = 0;
      if (readOutbox().length > 0) schedule(0);
    } else {
      backoff(Number(response.headers.get("retry-after")) || undefined);
    }
  } catch {
    backoff(undefined); // Offline or the server is restarting.
  } finally {
    inFlight = false;
  }
}

function sendRestByBeacon(): void {
  const events = readOutbox();
  if (events.length === 0 || typeof navigator.sendBeacon !== "function") return;
  for (let start = 0; start < events.length; start += batchSize) {
    const body: SignalBatch = { sandbox: sandboxId, events: events.slice(start, start + batchSize), ...automation() };
    // text/plain keeps the beacon a "simple" request; the server accepts it as JSON. The events stay in
    // the outbox: a beacon has no answer, so the next page re-sends them and the server drops repeats.
    navigator.sendBeacon(endpoint, new Blob([JSON.stringify(body)], { type: "text/plain;charset=UTF-8" }));
  }
}

function listen(): void {
  if (listening || typeof window === "undefined") return;
  listening = true;
  window.addEventListener("pagehide", sendRestByBeacon);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") sendRestByBeacon();
  });
  window.addEventListener("online", () => void flush());
  // Whatever a previous page left unacknowledged goes out now.
  if (readOutbox().length > 0) schedule(0);
}

/** Binds later events to this sandbox (the server still checks it is the caller's). */
export function setTrackingSandbox(id: string | undefined): void {
  sandboxId = id;
}

export function track(input: TrackInput): void {
  if (typeof window === "undefined") return;
  try {
    listen();
    addToOutbox({ ...input, id: uuidv7(), at: Date.now() });
    schedule(readOutbox().length >= batchSize ? 0 : flushDelayMs);
  } catch {
    // Tracking must never break the product.
  }
}
