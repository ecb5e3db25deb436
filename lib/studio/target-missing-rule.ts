// When a demo's target-missing rate has jumped: the one place that says so. A step's rate is its
// `step.target_missing` events ÷ its `step.viewed` events in a window; the last 24 hours are compared with
// the 7 days before them. Pure, so the rule is unit-tested without a database.

export const targetMissingRule = {
  /** The recent window, and the baseline window that ends where it starts. */
  recentHours: 24,
  baselineDays: 7,
  /** Fewer misses than this in the recent window is noise (one visitor on a flaky phone), never a jump. */
  minRecentMissing: 3,
  /** The recent rate must be at least this many times the baseline's… */
  jumpFactor: 2,
  /** …and at least this much above it (10 points), so 1 % → 2 % is not an alarm. */
  minRise: 0.1,
} as const;

export type WindowCounts = { views: number; missing: number };
export type StepTargetMissing = { recent: WindowCounts; baseline: WindowCounts };

/** missing ÷ views, or null when nobody viewed the step (no rate, rather than a made-up 0 %). */
export function rateOf(counts: WindowCounts): number | null {
  // A miss without a view (the view fell in the window before) still counts against at least one view.
  if (counts.views === 0) return counts.missing > 0 ? 1 : null;
  return Math.min(1, counts.missing / counts.views);
}

/** True when the step's target-missing rate in the last 24 h is well above the 7 days before. */
export function hasTargetMissingJump({ recent, baseline }: StepTargetMissing): boolean {
  if (recent.missing < targetMissingRule.minRecentMissing) return false;
  const recentRate = rateOf(recent) ?? 0;
  const baselineRate = rateOf(baseline) ?? 0;
  return recentRate >= baselineRate * targetMissingRule.jumpFactor && recentRate - baselineRate >= targetMissingRule.minRise;
}

/** "3 of 10 (30 %)", or "no views" — how a rate reads in the studio. */
export function describeRate(counts: WindowCounts): string {
  const rate = rateOf(counts);
  if (rate === null) return "no views";
  return `${counts.missing} of ${counts.views} (${Math.round(rate * 100)} %)`;
}
