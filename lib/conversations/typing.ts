// "Is typing…" is ephemeral news, coalesced: at most one event per sender and conversation per typingCoalesceMs
// reaches the streams, however often a client posts. Kept in this process's memory, as the events themselves are
// (lib/live/hub.ts publishEphemeral): nothing of it is stored.
import "server-only";
import { LRUCache } from "lru-cache";
import { runtime } from "@/lib/runtime/runtime";
import { typingCoalesceMs } from "./typing-timing";

/** Senders remembered at most; one forgotten early only gets one more event through. */
const maxSenders = 20_000;

function lastPassed(): LRUCache<string, number> {
  return runtime().shared("conversations.typing", () => new LRUCache<string, number>({ max: maxSenders, ttl: typingCoalesceMs }));
}

/** Whether `sender` (a visitor, or a member in one conversation) typed recently enough that this one is dropped. */
export function typedJustNow(sender: string, nowMs: number = Date.now()): boolean {
  const last = lastPassed().get(sender);
  return last !== undefined && nowMs - last < typingCoalesceMs;
}

/**
 * Takes `sender`'s turn to tell the streams it is typing, or undefined when its last one was too recent. The turn
 * is taken at once, before the caller awaits anything, so posts arriving together cannot all pass the check;
 * `giveBack` returns it when nothing was told (no such conversation).
 */
export function takeTypingTurn(sender: string, nowMs: number = Date.now()): { giveBack(): void } | undefined {
  if (typedJustNow(sender, nowMs)) return undefined;
  const cache = lastPassed();
  const previous = cache.get(sender);
  cache.set(sender, nowMs);
  return {
    giveBack() {
      if (cache.get(sender) !== nowMs) return;
      if (previous === undefined) cache.delete(sender);
      else cache.set(sender, previous);
    },
  };
}
