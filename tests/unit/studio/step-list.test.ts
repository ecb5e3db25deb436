// The preview's step list: every step of the demo, and for those the persona meets, the tour state and page a
// visitor would have on arriving there — so "jump to step" opens the tour exactly where a visitor would be.
import { describe, expect, it } from "vitest";
import { loadDemo } from "@/lib/demos/load-demo";
import { compileTour } from "@/lib/demos/tour-graph";
import { previewSteps, stepJumps } from "@/lib/studio/preview/step-list";

const { definition } = loadDemo("pipeline-basics");
const tour = (persona?: "leader" | "rep", locale = "en") =>
  compileTour(definition, { slug: "pipeline-basics", persona, locale, contactUrl: "mailto:team@example.com" });

describe("preview step list", () => {
  it("lists every step in file order, titled in the preview's locale", () => {
    const steps = previewSteps(definition, tour(undefined, "de"));
    expect(steps.map((step) => step.id)).toEqual([
      "welcome",
      "board",
      "total",
      "coach",
      "next-move",
      "create-deal",
      "move-stage",
      "back-to-board",
      "human",
    ]);
    expect(steps[0]?.title).toBe("Willkommen bei Pipeline");
  });

  it("opens a step with the trail a visitor would have, on the page its anchor is on", () => {
    const jumps = stepJumps(tour("leader"), { deal: 7 });
    expect(jumps.get("welcome")).toEqual({ stepId: "welcome", trail: [], answers: {}, page: "/" });
    expect(jumps.get("coach")).toEqual({ stepId: "coach", trail: ["welcome", "board", "total"], answers: {}, page: "/" });
    // deal-stage is on a deal's page: the sandbox's first deal stands in for the one the visitor made.
    expect(jumps.get("move-stage")?.page).toBe("/deals/7");
    // A navigate step is shown where the tour was; the step after it, where it led.
    expect(jumps.get("back-to-board")?.page).toBe("/deals/7");
    expect(jumps.get("human")?.page).toBe("/");
  });

  it("offers no jump to a step the persona never meets, and says who does meet it", () => {
    const steps = previewSteps(definition, tour("rep"));
    expect(steps.find((step) => step.id === "next-move")?.jump).toBeDefined();
    expect(steps.find((step) => step.id === "coach")).toMatchObject({ onlyFor: "Sales leader" });
    expect(steps.find((step) => step.id === "coach")?.jump).toBeUndefined();
  });

  it("follows a choice's options, remembering the answer on the way", () => {
    const jumps = stepJumps({
      start: "pick",
      steps: [
        {
          id: "pick",
          kind: "choice",
          title: "",
          bodyHtml: "",
          placement: "center",
          stepsLeft: 1,
          nextLabel: "",
          options: [{ label: "Deals", path: "deals", step: "d1" }],
        },
        {
          id: "d1",
          kind: "popover",
          title: "",
          bodyHtml: "",
          placement: "top",
          stepsLeft: 0,
          nextLabel: "Finish",
          target: "forecast-chart",
        },
      ],
    });
    expect(jumps.get("d1")).toEqual({ stepId: "d1", trail: ["pick"], answers: { pick: "deals" }, page: "/forecast" });
  });
});
