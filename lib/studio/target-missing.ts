// Per demo and step, how often the tour could not find its target: `step.target_missing` and `step.viewed`
// events in the recent and baseline windows of target-missing-rule.ts. Reads the raw events through the
// events_time index (8 days of them at most); events marked automated (a bot's user agent, or a browser
// driven by a tool, such as demos:check's own walk) are left out, as they are from the funnels.
import "server-only";
import { and, eq, gte, inArray, isNotNull, sql } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { events } from "@/db/control/schema";
import { type StepTargetMissing, targetMissingRule } from "./target-missing-rule";

const hourMs = 60 * 60_000;

/** slug → step id → counts, for every step that was viewed or missed in the last 8 days. */
export function targetMissingCounts(now = new Date(), db: ControlDb = controlDb()): Map<string, Map<string, StepTargetMissing>> {
  const recentStart = now.getTime() - targetMissingRule.recentHours * hourMs;
  const baselineStart = recentStart - targetMissingRule.baselineDays * 24 * hourMs;
  const recent = sql<number>`sum(case when ${events.occurredAt} >= ${recentStart} then 1 else 0 end)`;
  const rows = db
    .select({ slug: events.demoSlug, step: events.stepId, type: events.type, recent, all: sql<number>`count(*)` })
    .from(events)
    .where(
      and(
        gte(events.occurredAt, new Date(baselineStart)),
        inArray(events.type, ["step.viewed", "step.target_missing"]),
        eq(events.bot, false),
        isNotNull(events.demoSlug),
        isNotNull(events.stepId),
      ),
    )
    .groupBy(events.demoSlug, events.stepId, events.type)
    .all();
  const bySlug = new Map<string, Map<string, StepTargetMissing>>();
  for (const row of rows) {
    if (!row.slug || !row.step) continue;
    const steps = bySlug.get(row.slug) ?? new Map<string, StepTargetMissing>();
    const counts = steps.get(row.step) ?? { recent: { views: 0, missing: 0 }, baseline: { views: 0, missing: 0 } };
    const field = row.type === "step.viewed" ? "views" : "missing";
    counts.recent[field] += Number(row.recent);
    counts.baseline[field] += Number(row.all) - Number(row.recent);
    steps.set(row.step, counts);
    bySlug.set(row.slug, steps);
  }
  return bySlug;
}
