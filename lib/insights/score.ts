// Scores that explain themselves: pure functions from an aggregate's counts to points, reasons and the
// decayed score a rep sees. No database, no clock of their own: the caller passes `now`.
import { halfLifeDays, returnAfterDays, type ScoredSignal, scoreWeights } from "./score-weights";

const dayMs = 86_400_000;
const halfLifeMs = halfLifeDays * dayMs;

/** What the score reads from an aggregate row (a visitor's or an account's). */
export type ScoreInput = {
  toursFinished: number;
  steps: number;
  dealsCreated: number;
  stagesMoved: number;
  activitiesLogged: number;
  imports: number;
  choices: number;
  ctas: number;
  handraises: number;
  longestGapMs: number;
  /** Other people of the same account; 0 for an anonymous visitor. */
  colleagues?: number;
};

export type Reason = { signal: ScoredSignal; text: string; points: number };

/** How many of each signal the input holds (the return gap as whole days, once it is long enough). */
function occurrences(input: ScoreInput): Record<ScoredSignal, number> {
  const days = Math.floor(input.longestGapMs / dayMs);
  return {
    toursFinished: input.toursFinished,
    steps: input.steps,
    dealsCreated: input.dealsCreated,
    stagesMoved: input.stagesMoved,
    activitiesLogged: input.activitiesLogged,
    imports: input.imports,
    choices: input.choices,
    ctas: input.ctas,
    handraises: input.handraises,
    colleagues: input.colleagues ?? 0,
    returned: days >= returnAfterDays ? days : 0,
  };
}

/** The reasons, in the weights file's order, each with its capped points; signals that did not happen are left out. */
export function scoreReasons(input: ScoreInput): Reason[] {
  const counts = occurrences(input);
  const reasons: Reason[] = [];
  for (const [signal, weight] of Object.entries(scoreWeights) as [ScoredSignal, (typeof scoreWeights)[ScoredSignal]][]) {
    const count = counts[signal];
    if (count <= 0) continue;
    // "returned" counts days, not occurrences: it earns its points once.
    const points = signal === "returned" ? weight.points : Math.min(weight.cap, weight.points * count);
    reasons.push({ signal, text: weight.reason(count), points: Math.min(weight.cap, points) });
  }
  return reasons;
}

/** The undecayed total: what the reasons add up to. */
export function rawScore(input: ScoreInput): number {
  return scoreReasons(input).reduce((sum, reason) => sum + reason.points, 0);
}

/** 1 right after the last activity, ½ a half-life later, ¼ after two. Never above 1 (a clock skewed ahead). */
export function decayFactor(lastAt: number, now: number): number {
  return 0.5 ** (Math.max(0, now - lastAt) / halfLifeMs);
}

/** The score a rep sees: the reasons' total, halved for every half-life since the last activity. */
export function decayedScore(raw: number, lastAt: number, now: number): number {
  return Math.round(raw * decayFactor(lastAt, now));
}

/**
 * A key that sorts exactly as decayedScore does at any `now` (log2 of it, plus the same now/half-life for
 * everyone), but that never changes with time, so it can be stored and indexed. Zero points sort last.
 */
export function rankKey(raw: number, lastAt: number): number {
  return raw > 0 ? Math.log2(raw) + lastAt / halfLifeMs : -1e9 + lastAt / halfLifeMs;
}

/** "finished the tour +30 · created 3 deals +20 · 2 colleagues +25". */
export function formatReasons(reasons: Reason[]): string {
  return reasons.map((reason) => `${reason.text} +${reason.points}`).join(" · ");
}
