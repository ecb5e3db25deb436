// Whether anyone from the team is here now: a member counts as online while their workspace was active in
// the last minute (an open workspace keeps its live stream, which touches this on connect and on every
// heartbeat). Stored in the control plane, so several server processes agree.
import "server-only";
import { gt, sql } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { teamPresence } from "@/db/control/schema";

export const onlineWindowMs = 60_000;

export function touchPresence(userId: string, now: Date = new Date(), db: ControlDb = controlDb()): void {
  db.insert(teamPresence)
    .values({ userId, lastActiveAt: now })
    .onConflictDoUpdate({ target: teamPresence.userId, set: { lastActiveAt: now } })
    .run();
}

export function teamOnlineCount(now: Date = new Date(), db: Pick<ControlDb, "select"> = controlDb()): number {
  return (
    db
      .select({ count: sql<number>`count(*)` })
      .from(teamPresence)
      .where(gt(teamPresence.lastActiveAt, new Date(now.getTime() - onlineWindowMs)))
      .get()?.count ?? 0
  );
}
