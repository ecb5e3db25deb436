// The forecast's sums, against a set of deals added up by hand, and against a real sandbox's deals board.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { type ForecastDeal, forecastOf, loadForecast } from "@/lib/pipeline/forecast";
import { loadBoard } from "@/lib/pipeline/pipeline";
import { runtime } from "@/lib/runtime/runtime";
import { findOwnedSandbox } from "@/lib/sandbox/access";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { demoSlug, newVisitor } from "../sandbox/helpers";

beforeAll(() => migrateControlPlane());
afterAll(() => runtime().close());

const deal = (stage: ForecastDeal["stage"], amount: number, owner: string, closeDate: string): ForecastDeal => ({
  stage,
  amount,
  owner,
  closeDate,
});

// Hand-checked: Ana has 100 in negotiation (Jan), 40 in proposal (Jan), 7 won (Jan), 1000 lost (Jan);
// Ben has 20 as a lead (Feb), 5 qualified (Feb), 300 in negotiation (Mar).
const deals: ForecastDeal[] = [
  deal("negotiation", 100, "Ana", "2026-01-31"),
  deal("proposal", 40, "Ana", "2026-01-02"),
  deal("won", 7, "Ana", "2026-01-15"),
  deal("lost", 1000, "Ana", "2026-01-20"),
  deal("lead", 20, "Ben", "2026-02-01"),
  deal("qualified", 5, "Ben", "2026-02-28"),
  deal("negotiation", 300, "Ben", "2026-03-10"),
];

describe("the forecast", () => {
  it("counts negotiation as commit, proposal and negotiation as best case, every open stage as pipeline", () => {
    expect(forecastOf(deals).total).toEqual({ key: "total", deals: 6, commit: 400, bestCase: 440, pipeline: 465, won: 7 });
  });

  it("splits by month of close date, in date order, and leaves lost deals out", () => {
    expect(forecastOf(deals).byMonth).toEqual([
      { key: "2026-01", deals: 3, commit: 100, bestCase: 140, pipeline: 140, won: 7 },
      { key: "2026-02", deals: 2, commit: 0, bestCase: 0, pipeline: 25, won: 0 },
      { key: "2026-03", deals: 1, commit: 300, bestCase: 300, pipeline: 300, won: 0 },
    ]);
  });

  it("splits by owner, by name", () => {
    expect(forecastOf([...deals].reverse()).byOwner).toEqual([
      { key: "Ana", deals: 3, commit: 100, bestCase: 140, pipeline: 140, won: 7 },
      { key: "Ben", deals: 3, commit: 300, bestCase: 300, pipeline: 325, won: 0 },
    ]);
  });

  it("has no rows, and zero totals, when there are no deals", () => {
    expect(forecastOf([])).toEqual({
      byMonth: [],
      byOwner: [],
      total: { key: "total", deals: 0, commit: 0, bestCase: 0, pipeline: 0, won: 0 },
    });
  });

  it("adds up to the deals board of a real sandbox", async () => {
    const visitorId = await newVisitor();
    const owned = await findOwnedSandbox((await provisionSandbox(visitorId, demoSlug)).id, visitorId);
    if (!owned) throw new Error("the owner must find their sandbox");
    const board = loadBoard(owned.db);
    const column = (stage: string) => board.columns.find((each) => each.stage === stage)?.total ?? -1;
    const { total, byMonth, byOwner } = loadForecast(owned.db);

    expect(total).toMatchObject({
      commit: column("negotiation"),
      bestCase: column("proposal") + column("negotiation"),
      pipeline: board.openTotal,
      won: column("won"),
    });
    for (const rows of [byMonth, byOwner]) {
      expect(rows.reduce((sum, row) => sum + row.pipeline, 0)).toBe(board.openTotal);
    }
    // pipeline-basics: 12 deals, one of them lost.
    expect(total.deals).toBe(11);
  });
});
