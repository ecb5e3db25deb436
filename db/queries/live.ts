// What live streams read: stored live events (committed before anyone is told, replayed after a reconnect),
// team presence ("someone is here now"), and the Live now slice of recent signals.
import "server-only";
import { and, asc, gt, inArray, lt, lte, max, sql } from "drizzle-orm";
import type { LiveEvent } from "@/db/control/schema";
import { store } from "@/db/control-plane";
import { parseJsonColumn } from "@/db/json-column";
import type { Store } from "@/db/store";

export type NewLiveEvent = Pick<LiveEvent, "topic" | "type" | "payload">;

/** Stores live events inside the caller's transaction, their ids in commit order (db/store.ts, takeTurn). */
export async function insertLiveEvents(events: readonly NewLiveEvent[], tx: Store): Promise<void> {
  if (events.length === 0) return;
  await tx.special.takeTurn("liveEvents");
  await tx.run(tx.db.insert(tx.t.liveEvents).values([...events]));
}

export async function newestLiveEventId(s: Store = store()): Promise<number> {
  const { liveEvents } = s.t;
  return (await s.one(s.db.select({ id: max(liveEvents.id) }).from(liveEvents)))?.id ?? 0;
}

/** Stored events after `afterId`, oldest first. */
export function liveEventsAfter(afterId: number, s: Store = store()): Promise<LiveEvent[]> {
  const { liveEvents } = s.t;
  return s.all(s.db.select().from(liveEvents).where(gt(liveEvents.id, afterId)).orderBy(asc(liveEvents.id)));
}

/** A reconnect's replay: events of `topics` in (afterId, upToId], oldest first, at most `limit`. */
export function liveEventsBetween(topics: readonly string[], afterId: number, upToId: number, limit: number, s: Store = store()) {
  const { liveEvents } = s.t;
  return s.all(
    s.db
      .select()
      .from(liveEvents)
      .where(and(inArray(liveEvents.topic, [...topics]), gt(liveEvents.id, afterId), lte(liveEvents.id, upToId)))
      .orderBy(asc(liveEvents.id))
      .limit(limit),
  );
}

export function deleteLiveEventsBefore(before: Date, s: Store = store()): Promise<number> {
  const { liveEvents } = s.t;
  return s.run(s.db.delete(liveEvents).where(lt(liveEvents.createdAt, before)));
}

export async function upsertPresence(userId: string, at: Date, s: Store = store()): Promise<void> {
  const { teamPresence } = s.t;
  await s.run(
    s.db
      .insert(teamPresence)
      .values({ userId, lastActiveAt: at })
      .onConflictDoUpdate({ target: teamPresence.userId, set: { lastActiveAt: at } }),
  );
}

export async function membersActiveSince(since: Date, s: Store = store()): Promise<number> {
  const { teamPresence } = s.t;
  return (
    (await s.one(s.db.select({ count: sql<number>`count(*)` }).from(teamPresence).where(gt(teamPresence.lastActiveAt, since))))?.count ?? 0
  );
}

export type RecentVisitorRow = {
  visitorId: string;
  demoSlug: string | null;
  stepId: string | null;
  lastAt: number;
  handRaised: boolean;
  device: string | null;
  source: Record<string, string> | null;
  accountId: string | null;
  accountName: string | null;
  personalization: Record<string, unknown> | null;
  conversationId: string | null;
};

/**
 * People (not bots) with a signal since `since`, newest first: a slice of the events_time index, so the cost
 * follows current traffic, not history.
 */
export async function visitorsActiveSince(since: number, limit: number, s: Store = store()): Promise<RecentVisitorRow[]> {
  const rows = await s.rows<
    Omit<RecentVisitorRow, "handRaised" | "source" | "personalization"> & { handRaised: number; source: unknown; personalization: unknown }
  >(
    sql`with recent as (
          select visitor_id, max(occurred_at) as last_at, max(case when type = 'handraise' then 1 else 0 end) as hand_raised
          from events where occurred_at > ${since} and visitor_id is not null and bot = ${s.sql.literal(false)}
          group by visitor_id
        )
        select recent.visitor_id as "visitorId", recent.last_at as "lastAt", recent.hand_raised as "handRaised",
          (select demo_slug from events e where e.visitor_id = recent.visitor_id and e.occurred_at > ${since}
            order by e.occurred_at desc limit 1) as "demoSlug",
          (select step_id from events e where e.visitor_id = recent.visitor_id and e.occurred_at > ${since} and e.type = 'step.viewed'
            order by e.occurred_at desc limit 1) as "stepId",
          v.device, v.source, v.account_id as "accountId", a.name as "accountName",
          (select personalization from sandboxes sb where sb.visitor_id = recent.visitor_id and sb.status = 'live'
            order by sb.last_active_at desc limit 1) as personalization,
          (select id from conversations c where c.visitor_id = recent.visitor_id and c.status = 'open' limit 1) as "conversationId"
        from recent
        join visitors v on v.id = recent.visitor_id and v.bot = ${s.sql.literal(false)}
        left join accounts a on a.id = v.account_id
        order by recent.last_at desc
        limit ${limit}`,
  );
  return rows.map((row) => ({
    ...row,
    handRaised: Number(row.handRaised) === 1,
    source: parseJsonColumn<Record<string, string>>(row.source),
    personalization: parseJsonColumn<Record<string, unknown>>(row.personalization),
  }));
}
