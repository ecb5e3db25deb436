// Which event feeds which counter of an aggregate, and how one event changes a visitor's aggregate.
// Pure: lib/insights/fold.ts reads events and writes rows; this decides what they mean.
import type { VisitorActivity } from "@/db/control/schema";
import { interactionTypes } from "@/lib/signals/signal-types";
import { rankKey, rawScore } from "./score";

export type Counters = Omit<VisitorActivity, "visitorId" | "firstAt" | "lastAt" | "rawScore" | "rankKey"> & {
  firstAt: number;
  lastAt: number;
};
export type CounterName = Exclude<keyof Counters, "firstAt" | "lastAt" | "longestGapMs">;

export const counterNames = [
  "views",
  "toursStarted",
  "steps",
  "toursFinished",
  "dealsCreated",
  "stagesMoved",
  "activitiesLogged",
  "imports",
  "choices",
  "navigations",
  "ctas",
  "handraises",
  "missingTargets",
  "interactions",
  "humanEvents",
] as const satisfies readonly CounterName[];

const byType: Record<string, CounterName> = {
  "demo.viewed": "views",
  "tour.started": "toursStarted",
  "step.completed": "steps",
  "tour.finished": "toursFinished",
  "tour.choice": "choices",
  "tour.navigated": "navigations",
  "cta.clicked": "ctas",
  handraise: "handraises",
  "step.target_missing": "missingTargets",
};

const byAction: Record<string, CounterName> = {
  "deal.created": "dealsCreated",
  "deal.stage_changed": "stagesMoved",
  "activity.logged": "activitiesLogged",
  "contacts.imported": "imports",
};

const interactions = new Set<string>(interactionTypes);

export type FoldedEvent = { type: string; action: string | null; occurredAt: number; bot: boolean };

export function emptyCounters(at: number): Counters {
  const counters = Object.fromEntries(counterNames.map((name) => [name, 0])) as Record<CounterName, number>;
  return { ...counters, firstAt: at, lastAt: at, longestGapMs: 0 };
}

/** Adds one event to the counters, in place. Events arrive in insertion order, nearly in time order. */
export function applyEvent(counters: Counters, event: FoldedEvent): void {
  const counter = event.type === "sandbox.action" ? byAction[event.action ?? ""] : byType[event.type];
  if (counter) counters[counter] += 1;
  if (interactions.has(event.type)) counters.interactions += 1;
  if (!event.bot) counters.humanEvents += 1;
  if (event.occurredAt > counters.lastAt) {
    counters.longestGapMs = Math.max(counters.longestGapMs, event.occurredAt - counters.lastAt);
    counters.lastAt = event.occurredAt;
  }
  counters.firstAt = Math.min(counters.firstAt, event.occurredAt);
}

/** The stored score columns for counters (colleagues for an account's row). */
export function scoreColumns(counters: Counters, colleagues = 0): { rawScore: number; rankKey: number } {
  const raw = rawScore({ ...counters, colleagues });
  return { rawScore: raw, rankKey: rankKey(raw, counters.lastAt) };
}
