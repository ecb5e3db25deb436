// The forecast a sales leader reviews: commit, best case and pipeline (and what is already won), by owner and
// by month of close date, summed from the sandbox's deals. The sums are pure; only loadForecast reads the file.
import "server-only";
import { deals } from "@/db/sandbox/schema";
import type { SandboxDb } from "@/lib/sandbox/handles";
import type { Stage } from "./vocabulary";

/** Which stages each forecast category counts; lost deals count nowhere. */
export const forecastStages = {
  commit: ["negotiation"],
  bestCase: ["proposal", "negotiation"],
  pipeline: ["lead", "qualified", "proposal", "negotiation"],
  won: ["won"],
} as const satisfies Record<string, readonly Stage[]>;

export type ForecastCategory = keyof typeof forecastStages;
export const forecastCategories = Object.keys(forecastStages) as ForecastCategory[];

export type ForecastDeal = { amount: number; stage: Stage; owner: string; closeDate: string };

/** One line of the forecast: a month ("2026-02") or an owner, with each category's total. */
export type ForecastRow = { key: string; deals: number } & Record<ForecastCategory, number>;

export type Forecast = { byMonth: ForecastRow[]; byOwner: ForecastRow[]; total: ForecastRow };

const emptyRow = (key: string): ForecastRow => ({ key, deals: 0, commit: 0, bestCase: 0, pipeline: 0, won: 0 });

function addDeal(row: ForecastRow, deal: ForecastDeal): void {
  row.deals += 1;
  for (const category of forecastCategories) {
    if ((forecastStages[category] as readonly Stage[]).includes(deal.stage)) row[category] += deal.amount;
  }
}

function groupBy(counted: ForecastDeal[], keyOf: (deal: ForecastDeal) => string): ForecastRow[] {
  const rows = new Map<string, ForecastRow>();
  for (const deal of counted) {
    const key = keyOf(deal);
    const row = rows.get(key) ?? emptyRow(key);
    addDeal(row, deal);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Sums `all` into the forecast. Lost deals are left out of every row, counts included. */
export function forecastOf(all: readonly ForecastDeal[]): Forecast {
  const counted = all.filter((deal) => deal.stage !== "lost");
  const total = emptyRow("total");
  for (const deal of counted) addDeal(total, deal);
  return {
    byMonth: groupBy(counted, (deal) => deal.closeDate.slice(0, 7)),
    byOwner: groupBy(counted, (deal) => deal.owner),
    total,
  };
}

export function loadForecast(db: SandboxDb): Forecast {
  return forecastOf(
    db.select({ amount: deals.amount, stage: deals.stage, owner: deals.owner, closeDate: deals.closeDate }).from(deals).all(),
  );
}
