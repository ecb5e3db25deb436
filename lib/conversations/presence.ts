// Whether anyone from the team is here now: a member counts as online while their workspace was active in
// the last minute (an open workspace keeps its live stream, which touches this on connect and on every
// heartbeat). Stored in the control plane, so several server processes agree.
import "server-only";
import { membersActiveSince, upsertPresence } from "@/db/queries/live";
import type { Store } from "@/db/store";

export const onlineWindowMs = 60_000;

export function touchPresence(userId: string, now: Date = new Date()): Promise<void> {
  return upsertPresence(userId, now);
}

/** Members whose workspace was active in the last minute (inside a transaction, pass its `tx`). */
export function teamOnlineCount(now: Date = new Date(), s?: Store): Promise<number> {
  return membersActiveSince(new Date(now.getTime() - onlineWindowMs), s);
}
