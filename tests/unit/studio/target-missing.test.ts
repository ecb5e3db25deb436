// Target-missing rates and the jump flag, over a real control database: events in the last 24 h against the
// 7 days before, automated events left out, a jumping demo listed first in the studio.
import { v7 as uuidv7 } from "uuid";
import { beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { registerDemos } from "@/lib/demos/registry";
import { studioDemoList } from "@/lib/studio/demo-list";
import { targetMissingCounts } from "@/lib/studio/target-missing";
import { describeRate, hasTargetMissingJump, rateOf, targetMissingRule } from "@/lib/studio/target-missing-rule";
import { s, t } from "../control-plane";

const now = new Date("2026-12-02T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 60 * 60_000);

/** `count` events of `type` on a demo's step, `hours` before now, as ingest stores them. */
async function store(slug: string, step: string, type: "step.viewed" | "step.target_missing", count: number, hours: number, bot = false) {
  for (let index = 0; index < count; index++)
    await s.run(
      s.db.insert(t.events).values({
        id: uuidv7(),
        visitorId: null,
        demoSlug: slug,
        type,
        stepId: step,
        occurredAt: hoursAgo(hours),
        receivedAt: hoursAgo(hours),
        bot,
      }),
    );
}

describe("the jump rule", () => {
  const counts = (recentMissing: number, recentViews: number, baselineMissing: number, baselineViews: number) => ({
    recent: { missing: recentMissing, views: recentViews },
    baseline: { missing: baselineMissing, views: baselineViews },
  });

  it("flags a step whose target went missing for many people today after a quiet week", () => {
    expect(hasTargetMissingJump(counts(4, 10, 1, 70))).toBe(true);
  });

  it("never flags fewer misses than the minimum, however high the rate", () => {
    expect(hasTargetMissingJump(counts(targetMissingRule.minRecentMissing - 1, targetMissingRule.minRecentMissing - 1, 0, 100))).toBe(
      false,
    );
  });

  it("does not flag a rate that was already as high the week before", () => {
    expect(hasTargetMissingJump(counts(6, 20, 20, 80))).toBe(false);
  });

  it("does not flag a small rise, even a doubling", () => {
    expect(hasTargetMissingJump(counts(4, 100, 10, 500))).toBe(false);
  });

  it("flags a new demo with no baseline once enough misses show", () => {
    expect(hasTargetMissingJump(counts(3, 5, 0, 0))).toBe(true);
  });

  it("reads a rate as misses of views, and no views as no rate", () => {
    expect(rateOf({ missing: 1, views: 4 })).toBe(0.25);
    expect(rateOf({ missing: 0, views: 0 })).toBeNull();
    expect(describeRate({ missing: 1, views: 4 })).toBe("1 of 4 (25 %)");
    expect(describeRate({ missing: 0, views: 0 })).toBe("no views");
  });
});

describe("target-missing counts", () => {
  beforeAll(async () => {
    await migrateControlPlane();
    await registerDemos();
    // forecast-review: a quiet week on its first step, then a bad day.
    await store("forecast-review", "welcome", "step.viewed", 40, 48);
    await store("forecast-review", "welcome", "step.target_missing", 1, 48);
    await store("forecast-review", "welcome", "step.viewed", 8, 2);
    await store("forecast-review", "welcome", "step.target_missing", 4, 2);
    // pipeline-basics: a steady rate, and a burst that only a bot saw; older than 8 days does not count.
    await store("pipeline-basics", "board", "step.viewed", 10, 30);
    await store("pipeline-basics", "board", "step.target_missing", 5, 30);
    await store("pipeline-basics", "board", "step.viewed", 10, 1);
    await store("pipeline-basics", "board", "step.target_missing", 5, 1);
    await store("pipeline-basics", "board", "step.target_missing", 9, 1, true);
    await store("pipeline-basics", "board", "step.target_missing", 9, 24 * 9);
  });

  it("counts views and misses per step in the last 24 hours and in the 7 days before", async () => {
    const counts = await targetMissingCounts(now);
    expect(counts.get("forecast-review")?.get("welcome")).toEqual({
      recent: { views: 8, missing: 4 },
      baseline: { views: 40, missing: 1 },
    });
    expect(counts.get("pipeline-basics")?.get("board")).toEqual({ recent: { views: 10, missing: 5 }, baseline: { views: 10, missing: 5 } });
  });

  it("lists the demo whose rate jumped first, flagged, with its step marked", async () => {
    const list = await studioDemoList(now);
    expect(list[0]?.slug).toBe("forecast-review");
    expect(list[0]?.flagged).toBe(true);
    expect(list[0]?.steps.find((step) => step.id === "welcome")?.jumped).toBe(true);
    const steady = list.find((demo) => demo.slug === "pipeline-basics");
    expect(steady?.flagged).toBe(false);
    expect(steady?.steps.find((step) => step.id === "board")?.counts.recent).toEqual({ views: 10, missing: 5 });
  });

  it("lists every shipped demo with no problems", async () => {
    const list = await studioDemoList(now);
    expect(list.map((demo) => demo.slug).sort()).toEqual(["forecast-review", "import-and-clean-up", "pipeline-basics"]);
    expect(list.flatMap((demo) => demo.problems)).toEqual([]);
    expect(list.every((demo) => demo.registered)).toBe(true);
  });
});
