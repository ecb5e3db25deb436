// Per demo and step, how often the tour could not find its target: `step.target_missing` and `step.viewed`
// events in the recent and baseline windows of target-missing-rule.ts. Reads the raw events through the
// events_time index (8 days of them at most); events marked automated (a bot's user agent, or a browser
// driven by a tool, such as demos:check's own walk) are left out, as they are from the funnels.
import "server-only";
import { store } from "@/db/control-plane";
import { stepViewsAndMisses } from "@/db/queries/insights";
import { type StepTargetMissing, targetMissingRule } from "./target-missing-rule";

const hourMs = 60 * 60_000;

/** slug → step id → counts, for every step that was viewed or missed in the last 8 days. */
export async function targetMissingCounts(now = new Date()): Promise<Map<string, Map<string, StepTargetMissing>>> {
  const recentStart = now.getTime() - targetMissingRule.recentHours * hourMs;
  const baselineStart = recentStart - targetMissingRule.baselineDays * 24 * hourMs;
  const rows = await stepViewsAndMisses(baselineStart, recentStart, store());
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
