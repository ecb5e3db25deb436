import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { decayedScore, decayFactor, formatReasons, rankKey, rawScore, type ScoreInput, scoreReasons } from "@/lib/insights/score";
import { halfLifeDays, scoreWeights } from "@/lib/insights/score-weights";

const day = 86_400_000;
const nothing: ScoreInput = {
  toursFinished: 0,
  steps: 0,
  dealsCreated: 0,
  stagesMoved: 0,
  activitiesLogged: 0,
  imports: 0,
  choices: 0,
  ctas: 0,
  handraises: 0,
  longestGapMs: 0,
};

describe("a score that explains itself", () => {
  it("reads as the issue's example: each reason with its points, in the weights file's order", () => {
    const input = { ...nothing, toursFinished: 1, dealsCreated: 3, colleagues: 2, handraises: 1, longestGapMs: 3 * day + 5_000 };
    expect(formatReasons(scoreReasons(input))).toBe(
      "finished the tour +30 · created 3 deals +20 · raised a hand +50 · 2 colleagues +25 · back after 3 days +15",
    );
    expect(rawScore(input)).toBe(30 + 20 + 50 + 25 + 15);
  });

  it("gives someone who only looked around no points and no reasons", () => {
    expect(scoreReasons(nothing)).toEqual([]);
    expect(rawScore(nothing)).toBe(0);
  });

  it("caps each signal, so fifty deals are worth no more than the cap", () => {
    const eager = { ...nothing, dealsCreated: 50, steps: 400, handraises: 9 };
    const reasons = scoreReasons(eager);
    expect(reasons.find((reason) => reason.signal === "dealsCreated")).toMatchObject({
      text: "created 50 deals",
      points: scoreWeights.dealsCreated.cap,
    });
    expect(reasons.find((reason) => reason.signal === "steps")?.points).toBe(scoreWeights.steps.cap);
    expect(reasons.find((reason) => reason.signal === "handraises")?.points).toBe(50);
  });

  it("says one deal and one colleague in the singular", () => {
    expect(formatReasons(scoreReasons({ ...nothing, dealsCreated: 1, colleagues: 1 }))).toBe("created a deal +8 · 1 colleague +15");
  });

  it("counts a return only after a silence of at least a day", () => {
    expect(scoreReasons({ ...nothing, longestGapMs: day - 1 })).toEqual([]);
    expect(formatReasons(scoreReasons({ ...nothing, longestGapMs: day }))).toBe("back after a day +15");
  });
});

describe("decay", () => {
  const now = Date.UTC(2026, 11, 1);

  it("halves the score for each half-life without activity", () => {
    expect(decayFactor(now, now)).toBe(1);
    expect(decayFactor(now - halfLifeDays * day, now)).toBeCloseTo(0.5, 10);
    expect(decayFactor(now - 2 * halfLifeDays * day, now)).toBeCloseTo(0.25, 10);
    expect(decayedScore(120, now - halfLifeDays * day, now)).toBe(60);
  });

  it("never grows a score from a clock that runs ahead", () => {
    expect(decayFactor(now + day, now)).toBe(1);
  });

  it("ranks by a stored key in exactly the order of the decayed scores", () => {
    const people = [
      { raw: 140, lastAt: now - 10 * day },
      { raw: 60, lastAt: now - day },
      { raw: 30, lastAt: now },
      { raw: 200, lastAt: now - 30 * day },
      { raw: 0, lastAt: now },
      { raw: 0, lastAt: now - day },
    ];
    const byScore = [...people].sort(
      (a, b) => b.raw * decayFactor(b.lastAt, now) - a.raw * decayFactor(a.lastAt, now) || b.lastAt - a.lastAt,
    );
    const byKey = [...people].sort((a, b) => rankKey(b.raw, b.lastAt) - rankKey(a.raw, a.lastAt));
    expect(byKey).toEqual(byScore);
  });
});

describe("the weights' documentation", () => {
  it("lists in the README every weight with its points and cap, in the weights file's order", () => {
    const readme = fs.readFileSync("README.md", "utf8");
    const table = readme.slice(readme.indexOf("| signal | points | cap |"));
    const rows = table
      .split("\n")
      .slice(2)
      .filter((line) => line.trim().startsWith("|"))
      .slice(0, Object.keys(scoreWeights).length)
      .map((line) =>
        line
          .split("|")
          .slice(2, 4)
          .map((cell) => Number(cell.trim())),
      );
    expect(rows).toEqual(Object.values(scoreWeights).map((weight) => [weight.points, weight.cap]));
  });
});
