"use client";
// The browser's outbox of signals not yet acknowledged, kept in sessionStorage so a reload, a navigation
// or a flaky connection loses nothing. Bounded, and deduplicated by event id (the server is idempotent).
import type { SignalEvent } from "@/lib/signals/event-schema";

const storageKey = "openhouse:signals:outbox";
const maxEvents = 500;

function storage(): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.sessionStorage;
  } catch {
    return undefined; // Storage disabled: keep working from memory.
  }
}

let memory: SignalEvent[] | undefined;

export function readOutbox(): SignalEvent[] {
  if (memory) return memory;
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(storageKey) ?? "[]");
    memory = Array.isArray(parsed) ? (parsed.filter((item) => item && typeof item.id === "string") as SignalEvent[]) : [];
  } catch {
    memory = [];
  }
  return memory;
}

function write(events: SignalEvent[]): void {
  // Oldest dropped first when the outbox overflows: a tab left offline for hours must not grow forever.
  memory = events.slice(-maxEvents);
  try {
    storage()?.setItem(storageKey, JSON.stringify(memory));
  } catch {
    // Quota exceeded: memory still holds them for this page.
  }
}

export function addToOutbox(event: SignalEvent): void {
  const current = readOutbox();
  if (!current.some((queued) => queued.id === event.id)) write([...current, event]);
}

export function removeFromOutbox(ids: Set<string>): void {
  write(readOutbox().filter((event) => !ids.has(event.id)));
}
