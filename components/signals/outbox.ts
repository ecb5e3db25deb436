// The browser's outbox of signals not yet acknowledged, kept in sessionStorage so a reload, a navigation
// or a flaky connection loses nothing. Bounded, and deduplicated by event id (the server is idempotent).
import type { SignalEvent } from "@/lib/signals/event-schema";

const storageKey = "openhouse:signals:outbox";
/** A tab left offline for hours must not grow forever; the oldest are dropped first. */
export const maxOutboxEvents = 500;

export interface Outbox {
  read(): readonly SignalEvent[];
  add(event: SignalEvent): void;
  remove(ids: ReadonlySet<string>): void;
}

/** Memory is the truth for this page; storage is written through so the next page finds what is left. */
export function createOutbox(storage: Pick<Storage, "getItem" | "setItem"> | undefined): Outbox {
  let memory: SignalEvent[] | undefined;

  function read(): SignalEvent[] {
    if (memory) return memory;
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(storageKey) ?? "[]");
      memory = Array.isArray(parsed) ? parsed.filter((item) => typeof item?.id === "string") : [];
    } catch {
      memory = []; // Storage disabled or holding garbage: start empty.
    }
    return memory;
  }

  function write(events: SignalEvent[]): void {
    memory = events.slice(-maxOutboxEvents);
    try {
      storage?.setItem(storageKey, JSON.stringify(memory));
    } catch {
      // Quota exceeded or storage refused: memory still holds them for this page.
    }
  }

  return {
    read,
    add(event) {
      const current = read();
      if (!current.some((queued) => queued.id === event.id)) write([...current, event]);
    },
    remove(ids) {
      write(read().filter((event) => !ids.has(event.id)));
    },
  };
}
