// Raw events are kept RETENTION_DAYS, then folded into per-day counts and deleted, so funnels outlive
// the raw trail and nothing personal is kept longer than it is useful.
import "server-only";
import { type ControlDb, controlDb } from "@/db/client";
import { runtime } from "@/lib/runtime/runtime";

const dayMs = 86_400_000;

/** Folds and deletes every raw event older than the retention window, in one transaction. */
export function purgeExpiredEvents(
  now = new Date(),
  retentionDays = runtime().config.retentionDays,
  db: ControlDb = controlDb(),
): { purged: number } {
  const cutoff = now.getTime() - retentionDays * dayMs;
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    sqlite
      .prepare(
        `insert into event_daily_counts (day, demo_slug, type, step_id, count)
         select date(occurred_at / 1000, 'unixepoch'), coalesce(demo_slug, ''), type, coalesce(step_id, ''), count(*)
         from events where occurred_at < ? group by 1, 2, 3, 4
         on conflict (day, demo_slug, type, step_id) do update set count = count + excluded.count`,
      )
      .run(cutoff);
    const deleted = sqlite.prepare("delete from events where occurred_at < ?").run(cutoff);
    // Sessions are derived from events; ones that ended before the cutoff have nothing left to describe.
    sqlite.prepare("delete from visitor_sessions where last_event_at < ?").run(cutoff);
    return { purged: deleted.changes };
  })();
}
