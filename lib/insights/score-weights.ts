// The one place the hot list's score is tuned. Each signal is worth `points` per occurrence up to `cap`, so
// one eager visitor creating fifty deals cannot outrank a whole buying committee; README "What a rep sees"
// documents every line. The score then halves for every `halfLifeDays` without activity (lib/insights/score.ts).

/** The score halves after this many days of silence: last week's hand-raise still counts, last quarter's barely. */
export const halfLifeDays = 7;

/**
 * A visitor's or account's score rising to at least this sends one "score.crossed" webhook alert
 * (lib/insights/score-alerts.ts); it alerts again only after the score has decayed below and risen back.
 * 60 is about a finished tour with a deal and a step or two, or any hand-raise with a little more.
 */
export const alertThreshold = 60;

/** A silence at least this long before coming back earns the "back after N days" reason. */
export const returnAfterDays = 1;

export type ScoreWeight = {
  /** Points for one occurrence. */
  points: number;
  /** The most this signal can add, however often it happens. */
  cap: number;
  /** How the reason reads for `count` occurrences (the points are added after it). */
  reason: (count: number) => string;
};

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many.replace("#", String(count)));

/** In the order reasons are listed: what the prospect did, then who else came, then that they came back. */
export const scoreWeights = {
  toursFinished: { points: 30, cap: 30, reason: () => "finished the tour" },
  steps: { points: 2, cap: 12, reason: (count) => plural(count, "1 tour step", "# tour steps") },
  dealsCreated: { points: 8, cap: 20, reason: (count) => plural(count, "created a deal", "created # deals") },
  stagesMoved: { points: 4, cap: 12, reason: (count) => plural(count, "moved a deal", "moved deals # times") },
  activitiesLogged: { points: 5, cap: 15, reason: (count) => plural(count, "logged an activity", "logged # activities") },
  imports: { points: 10, cap: 10, reason: () => "imported contacts" },
  choices: { points: 5, cap: 10, reason: (count) => plural(count, "answered a question", "answered # questions") },
  ctas: { points: 20, cap: 20, reason: () => "clicked the call to action" },
  handraises: { points: 50, cap: 50, reason: () => "raised a hand" },
  /** Other people of the same account (found from forwarded share links, never from a form). */
  colleagues: { points: 15, cap: 25, reason: (count) => plural(count, "1 colleague", "# colleagues") },
  /** Once, for the longest silence of at least returnAfterDays; the count is that silence in days. */
  returned: { points: 15, cap: 15, reason: (days) => plural(days, "back after a day", "back after # days") },
} satisfies Record<string, ScoreWeight>;

export type ScoredSignal = keyof typeof scoreWeights;
