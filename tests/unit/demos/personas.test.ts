// Tour branches per persona: which steps each visitor sees, and how demo files are checked for them.
import { describe, expect, it } from "vitest";
import { loadDemo } from "@/lib/demos/load-demo";
import { stepsForPersona } from "@/lib/demos/personas";
import { describeTourLengths } from "@/lib/demos/tour-graph";
import { lineOf, problemsOf as problemsOfDemo, shippedDemo } from "./demo-folder";

const problemsOf = (demoYaml: string) => problemsOfDemo("branchy", { "demo.yaml": demoYaml });

describe("tour branches per persona", () => {
  const steps = loadDemo("pipeline-basics").definition.steps;
  const ids = (persona?: "leader" | "rep" | "ops") => stepsForPersona(steps, persona).map((step) => step.id);

  it("shows everyone's steps to all, and a persona's own steps only to that persona, in file order", () => {
    expect(ids()).toEqual(["welcome", "board", "total", "create-deal", "move-stage", "back-to-board", "human"]);
    expect(ids("leader")).toEqual(["welcome", "board", "total", "coach", "create-deal", "move-stage", "back-to-board", "human"]);
    expect(ids("rep")).toEqual(["welcome", "board", "total", "next-move", "create-deal", "move-stage", "back-to-board", "human"]);
    // A persona the demo does not branch for (from a campaign link) gets the common path.
    expect(ids("ops")).toEqual(ids());
    expect(describeTourLengths(loadDemo("pipeline-basics").definition)).toBe("7 steps; as Sales leader 8, as Account executive 8");
    expect(describeTourLengths(loadDemo("forecast-review").definition)).toBe("10–11 steps; as Sales leader 10–11");
  });

  it("rejects a step for a persona the demo does not offer, pointing at the line", () => {
    const text = shippedDemo.replace("personas: [rep]", "personas: [ops]");
    const [problem] = problemsOf(text);
    expect(problem?.line).toBe(lineOf(text, "personas: [ops]"));
    expect(problem?.message).toMatch(/steps\[4\]\.personas\[0\]: "ops" is not offered; this demo's personas are leader, rep/);
  });

  it("rejects an unknown persona name and lists the known ones", () => {
    const text = shippedDemo.replace("personas: [leader, rep]", "personas: [leader, cfo]");
    const [problem] = problemsOf(text);
    expect(problem?.line).toBe(lineOf(text, "personas: [leader, cfo]"));
    expect(problem?.message).toMatch(/personas\[1\]: unknown persona "cfo"; personas are: leader, manager, rep, ops/);
  });

  it("rejects a demo where some visitor would get no steps at all", () => {
    const onlyForLeaders = [
      "title: Leaders only",
      "persona: Sales leader",
      "durationMinutes: 2",
      "summary: A short look.",
      "funnelStage: awareness",
      "cta: { label: Talk to us, url: contact }",
      "personas: [leader, rep]",
      "steps:",
    ]
      .concat(["  - id: one", "    title: One", "    body: Only leaders see this.", "    kind: cta", "    personas: [leader]"])
      .join("\n");
    const messages = problemsOf(onlyForLeaders).map((problem) => problem.message);
    expect(messages).toEqual([
      "steps: a visitor without a persona would see no steps",
      "steps: someone trying it as Account executive would see no steps",
    ]);
  });
});
