// Raw events are kept RETENTION_DAYS, then folded into per-day counts and deleted, so funnels outlive
// the raw trail and nothing personal is kept longer than it is useful.
import "server-only";
import { foldAndDeleteEventsBefore } from "@/db/queries/events";
import { runtime } from "@/lib/runtime/runtime";

const dayMs = 86_400_000;

/** Folds and deletes every raw event older than the retention window, in one transaction. */
export async function purgeExpiredEvents(now = new Date(), retentionDays = runtime().config.retentionDays): Promise<{ purged: number }> {
  return { purged: await foldAndDeleteEventsBefore(now.getTime() - retentionDays * dayMs) };
}
