// The ways demos:check walks a demo: each persona (and a visitor with none) down each choice's answers, a way
// two visitors share walked once and named for both.
import { afterAll, expect, it } from "vitest";
import { loadDemo } from "@/lib/demos/load-demo";
import { walkPaths } from "@/lib/demos/walk/walk-paths";
import { installRuntime } from "@/lib/runtime/runtime";

const runtime = installRuntime({});
afterAll(() => runtime.close());

const named = (slug: string) => walkPaths(slug, loadDemo(slug).definition).map((path) => [path.name, path.persona, path.steps.length]);

it("walks each persona whose steps differ, and everyone", () => {
  expect(named("pipeline-basics")).toEqual([
    ["everyone", undefined, 7],
    ["as Sales leader", "leader", 8],
    ["as Account executive", "rep", 8],
  ]);
});

it("walks each answer of a choice once for the visitors who meet the same steps", () => {
  expect(named("forecast-review")).toEqual([
    ["everyone / as Sales leader › The months ahead", undefined, 11],
    ["everyone / as Sales leader › My team, owner by owner", undefined, 10],
  ]);
  const [months] = walkPaths("forecast-review", loadDemo("forecast-review").definition);
  expect(months?.steps.find((walk) => walk.answer)?.answer).toEqual({ label: "The months ahead", step: "by-month-chart" });
});
