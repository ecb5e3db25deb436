"use client";
// Browser side of the signals pipeline: queues events, sends them in batches to /api/signals.
// Never throws into the host page; sendBeacon on page hide so the last events are not lost.
import { v7 as uuidv7 } from "uuid";
import type { SignalBatch, SignalEvent } from "@/lib/signals/event-schema";

export type TrackInput = Omit<SignalEvent, "id" | "at">;

const endpoint = "/api/signals";
const flushDelayMs = 1500;
const maxQueued = 50;

let queue: SignalEvent[] = [];
let sandboxId: string | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let listening = false;

function send(batch: SignalBatch, onPageHide: boolean): void {
  const body = JSON.stringify(batch);
  try {
    if (onPageHide && typeof navigator.sendBeacon === "function") {
      // text/plain keeps the beacon a "simple" request; the server accepts it as JSON.
      if (navigator.sendBeacon(endpoint, new Blob([body], { type: "text/plain;charset=UTF-8" }))) return;
    }
    void fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      keepalive: true,
      credentials: "same-origin",
    }).catch(() => {
      // A lost batch goes back to the front of the queue; ids make the retry idempotent.
      queue = [...batch.events, ...queue].slice(0, 500);
      schedule();
    });
  } catch {
    // Tracking must never break the product.
  }
}

export function flush(onPageHide = false): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
  while (queue.length > 0) {
    const events = queue.splice(0, maxQueued);
    send({ sandbox: sandboxId, events }, onPageHide);
  }
}

function schedule(): void {
  if (!timer) timer = setTimeout(() => flush(false), flushDelayMs);
}

function listen(): void {
  if (listening || typeof window === "undefined") return;
  listening = true;
  const onHide = () => flush(true);
  window.addEventListener("pagehide", onHide);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") onHide();
  });
}

/** Binds later events to this sandbox (the server still checks it is the caller's). */
export function setTrackingSandbox(id: string | undefined): void {
  sandboxId = id;
}

export function track(input: TrackInput): void {
  if (typeof window === "undefined") return;
  listen();
  queue.push({ ...input, id: uuidv7(), at: Date.now() });
  if (queue.length >= maxQueued) flush(false);
  else schedule();
}
