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

/** Records that `sender`'s typing event went out now. */
export function typingPassed(sender: string, nowMs: number = Date.now()): void {
  lastPassed().set(sender, nowMs);
}
