import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  actionMatches,
  canGoNext,
  type EngineTour,
  initialTourState,
  normalizeTourState,
  type ObservedAction,
  type TourAction,
  type TourSignal,
  type TourState,
  transitionTour,
} from "@/components/tour/engine";
import { demoSchema } from "@/lib/demos/demo-schema";
import { compileTour } from "@/lib/demos/tour-graph";

const compiled = (slug: string, persona?: "leader" | "rep" | "ops") =>
  compileTour(demoSchema.parse(parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../../demos/${slug}/demo.yaml`), "utf8"))), {
    slug,
    persona,
    locale: "en",
    contactUrl: "https://contact.example/talk",
  });

// welcome → ask (choice: a → a1, b → b1) · a1 → go (navigate /forecast) · b1 → go · go → wait (deal to negotiation) → end (cta)
const tour: EngineTour = {
  start: "welcome",
  steps: [
    { id: "welcome", kind: "modal", next: "ask" },
    {
      id: "ask",
      kind: "choice",
      options: [
        { label: "The months", path: "a", step: "a1" },
        { label: "The owners", path: "b", step: "b1" },
      ],
    },
    { id: "a1", kind: "popover", next: "go" },
    { id: "b1", kind: "popover", next: "go" },
    { id: "go", kind: "modal", navigate: { route: "forecast", path: "/forecast", title: "Forecast" }, next: "wait" },
    { id: "wait", kind: "popover", waitFor: { action: "deal.stage_changed", where: { to: "negotiation" } }, next: "end" },
    { id: "end", kind: "cta", cta: { label: "Book", url: "https://example.com/book" } },
  ],
};

const at = (stepId: string, trail: string[] = [], answers: Record<string, string> = {}): TourState => ({
  status: "active",
  stepId,
  trail,
  answers,
});

function run(from: TourState, ...actions: TourAction[]): { state: TourState; signals: TourSignal[] } {
  const signals: TourSignal[] = [];
  let state = from;
  for (const action of actions) {
    const result = transitionTour(tour, state, action);
    state = result.state;
    signals.push(...result.signals);
  }
  return { state, signals };
}
const named = (signals: TourSignal[]) => signals.map((signal) => `${signal.type}:${signal.stepId}`);

describe("tour engine", () => {
  it("starts a new visitor on the first step and says so", () => {
    const { state, signals } = transitionTour(tour, initialTourState, { type: "start" });
    expect(state).toEqual(at("welcome"));
    expect(signals).toEqual([
      { type: "tour.started", stepId: "welcome", position: 0 },
      { type: "step.viewed", stepId: "welcome", position: 0 },
    ]);
    expect(transitionTour(tour, state, { type: "start" })).toEqual({ state, signals: [] });
  });

  it("does nothing at all for a demo without steps", () => {
    expect(transitionTour({ start: "", steps: [] }, initialTourState, { type: "start" })).toEqual({ state: initialTourState, signals: [] });
  });

  it("waits on a choice for an answer, then follows the chosen path and remembers the answer", () => {
    expect(transitionTour(tour, at("ask", ["welcome"]), { type: "next" }).state).toEqual(at("ask", ["welcome"]));
    expect(canGoNext(tour, at("ask"))).toBe(false);
    expect(run(at("ask", ["welcome"]), { type: "choose", path: "nowhere" }).state).toEqual(at("ask", ["welcome"]));
    const { state, signals } = run(at("ask", ["welcome"]), { type: "choose", path: "b" });
    expect(state).toEqual(at("b1", ["welcome", "ask"], { ask: "b" }));
    expect(signals).toEqual([
      { type: "tour.choice", stepId: "ask", position: 1, props: { option: "b", label: "The owners" } },
      { type: "step.completed", stepId: "ask", position: 1 },
      { type: "step.viewed", stepId: "b1", position: 2 },
    ]);
    // Both paths continue on the same step (then:).
    expect(run(state, { type: "next" }).state.stepId).toBe("go");
    expect(run(at("a1"), { type: "next" }).state.stepId).toBe("go");
  });

  it("goes back along the trail the visitor really took, across a choice, and not before the first step", () => {
    const { state } = run(initialTourState, { type: "start" }, { type: "next" }, { type: "choose", path: "a" }, { type: "next" });
    expect(state).toEqual(at("go", ["welcome", "ask", "a1"], { ask: "a" }));
    const back = run(state, { type: "back" }, { type: "back" });
    expect(back.state).toEqual(at("ask", ["welcome"], { ask: "a" }));
    expect(back.signals).toEqual([
      { type: "step.viewed", stepId: "a1", position: 2 },
      { type: "step.viewed", stepId: "ask", position: 1 },
    ]);
    expect(run(at("welcome"), { type: "back" }).signals).toEqual([]);
  });

  it("completes a navigate step when the visitor arrives on its page, by its button or by themselves", () => {
    const waiting = at("go", ["welcome"]);
    expect(run(waiting, { type: "next" }).state).toEqual(waiting);
    expect(run(waiting, { type: "arrived", path: "/contacts" }).state).toEqual(waiting);
    const { state, signals } = run(waiting, { type: "arrived", path: "/forecast" });
    expect(state).toEqual(at("wait", ["welcome", "go"]));
    expect(signals).toEqual([
      { type: "tour.navigated", stepId: "go", position: 1, props: { route: "forecast" } },
      { type: "step.completed", stepId: "go", position: 1 },
      { type: "step.viewed", stepId: "wait", position: 2 },
    ]);
    // Arriving somewhere while on another kind of step changes nothing.
    expect(run(at("a1"), { type: "arrived", path: "/forecast" }).signals).toEqual([]);
  });

  it("advances a waitFor step only on the same action with every where: field equal", () => {
    const waiting = at("wait", ["go"]);
    expect(transitionTour(tour, waiting, { type: "next" }).blockedBy).toBe("deal.stage_changed");
    const misses: ObservedAction[] = [
      { kind: "deal.created", detail: { to: "negotiation" } },
      { kind: "deal.stage_changed", detail: { deal: "Umbrella", from: "lead", to: "qualified" } },
      { kind: "deal.stage_changed", detail: {} },
      { kind: "deal.stage_changed" },
      // Anything on the page may dispatch the event: a kind the product never sends moves nothing.
      { kind: "deal.deleted", detail: { to: "negotiation" } },
      { kind: "", detail: { to: "negotiation" } },
    ];
    for (const action of misses) {
      expect(run(waiting, { type: "actionObserved", action }).state, JSON.stringify(action)).toEqual(waiting);
    }
    const { state, signals } = run(waiting, {
      type: "actionObserved",
      action: { kind: "deal.stage_changed", detail: { deal: "Umbrella", from: "proposal", to: "negotiation" } },
    });
    expect(state.stepId).toBe("end");
    expect(signals[0]).toEqual({ type: "step.completed", stepId: "wait", position: 1, action: "deal.stage_changed" });
    expect(actionMatches({ action: "contacts.imported" }, { kind: "contacts.imported", detail: { count: 3 } })).toBe(true);
    expect(actionMatches({ action: "contacts.imported", where: { count: 3 } }, { kind: "contacts.imported", detail: { count: "3" } })).toBe(
      false,
    );
  });

  it("lets the visitor skip a waitFor step, recorded as skipped", () => {
    const { state, signals } = run(at("wait"), { type: "skip" });
    expect(state.stepId).toBe("end");
    expect(signals[0]).toEqual({ type: "step.completed", stepId: "wait", position: 0, skipped: true });
    expect(run(at("ask"), { type: "skip" }).signals).toEqual([]);
  });

  it("ends on a cta step: following it finishes the tour with the URL, Keep exploring finishes it too", () => {
    const { state, signals } = run(at("end", ["wait"]), { type: "ctaFollowed" });
    expect(state).toEqual({ status: "finished", stepId: "end", trail: ["wait"], answers: {} });
    expect(signals).toEqual([
      { type: "cta.clicked", stepId: "end", position: 1, props: { url: "https://example.com/book" } },
      { type: "step.completed", stepId: "end", position: 1 },
      { type: "tour.finished", stepId: "end", position: 1 },
    ]);
    expect(named(run(at("end"), { type: "next" }).signals)).toEqual(["step.completed:end", "tour.finished:end"]);
    expect(run(at("a1"), { type: "ctaFollowed" }).signals).toEqual([]);
  });

  it("closes, resumes on the same step, and restarts a finished tour from the top", () => {
    const closed = run(at("a1", ["welcome", "ask"], { ask: "a" }), { type: "close" });
    expect(closed.state.status).toBe("closed");
    expect(closed.signals).toEqual([{ type: "tour.closed", stepId: "a1", position: 2 }]);
    expect(run(closed.state, { type: "resume" }).state).toEqual(at("a1", ["welcome", "ask"], { ask: "a" }));
    const restarted = run({ ...closed.state, status: "finished" }, { type: "resume" });
    expect(restarted.state).toEqual(at("welcome"));
    expect(restarted.signals[0]).toEqual({ type: "tour.started", stepId: "welcome", position: 0, restarted: true });
  });

  it("ignores every move unless the tour is running", () => {
    const closed: TourState = { status: "closed", stepId: "wait", trail: ["go"], answers: {} };
    for (const action of [
      { type: "next" },
      { type: "back" },
      { type: "skip" },
      { type: "close" },
      { type: "finish" },
      { type: "choose", path: "a" },
      { type: "arrived", path: "/forecast" },
      { type: "ctaFollowed" },
      { type: "actionObserved", action: { kind: "deal.stage_changed", detail: { to: "negotiation" } } },
    ] satisfies TourAction[]) {
      expect(transitionTour(tour, closed, action), action.type).toEqual({ state: closed, signals: [] });
    }
  });

  it("shows the step a rep suggested when the visitor chose Show me, from wherever the tour was, and nothing for a step it lacks", () => {
    const fromRunning = run(at("a1", ["welcome", "ask"], { ask: "a" }), { type: "showStep", stepId: "wait" });
    expect(fromRunning.state).toEqual(at("wait", ["welcome", "ask", "a1"], { ask: "a" }));
    expect(named(fromRunning.signals)).toEqual(["step.viewed:wait"]);
    // Back returns to where they were before the suggestion.
    expect(run(fromRunning.state, { type: "back" }).state.stepId).toBe("a1");
    const closed: TourState = { status: "closed", stepId: "a1", trail: ["welcome"], answers: {} };
    expect(run(closed, { type: "showStep", stepId: "go" }).state).toEqual(at("go", ["welcome"]));
    expect(run(initialTourState, { type: "showStep", stepId: "end" }).state).toEqual(at("end"));
    for (const from of [closed, initialTourState, at("a1")])
      expect(transitionTour(tour, from, { type: "showStep", stepId: "not-in-this-branch" })).toEqual({ state: from, signals: [] });
    expect(transitionTour(tour, at("a1"), { type: "showStep", stepId: "a1" })).toEqual({ state: at("a1"), signals: [] });
  });

  it("starts over when a stored step is gone from the demo, and drops unknown steps from the trail", () => {
    expect(normalizeTourState(tour, at("removed", ["welcome"]))).toEqual(initialTourState);
    expect(normalizeTourState(tour, at("a1", ["welcome", "removed", "ask"]))).toEqual(at("a1", ["welcome", "ask"]));
    expect(run(at("removed"), { type: "next" }).state).toEqual(initialTourState);
  });

  it("walks the real forecast-review demo down both paths of its choice to the CTA", () => {
    const demo = compiled("forecast-review");
    for (const [path, firstOnPath] of [
      ["months", "by-month-chart"],
      ["owners", "by-owner"],
    ] as const) {
      const seen: string[] = [];
      let state = initialTourState;
      const act = (action: TourAction) => {
        const result = transitionTour(demo, state, action);
        state = result.state;
        seen.push(...named(result.signals));
      };
      act({ type: "start" });
      act({ type: "next" });
      act({ type: "arrived", path: "/forecast" });
      act({ type: "next" });
      act({ type: "choose", path });
      expect(state.stepId).toBe(firstOnPath);
      while (state.stepId !== "open-board") act({ type: "next" });
      act({ type: "arrived", path: "/" });
      act({
        type: "actionObserved",
        action: { kind: "deal.stage_changed", detail: { deal: "Umbrella clinics integration", from: "proposal", to: "negotiation" } },
      });
      act({ type: "arrived", path: "/forecast" });
      act({ type: "next" });
      expect(state.stepId).toBe("book");
      act({ type: "ctaFollowed" });
      expect(state.status).toBe("finished");
      expect(seen).toContain("tour.choice:first-look");
      expect(seen.filter((entry) => entry === "tour.navigated:open-board")).toHaveLength(1);
      expect(seen.at(-1)).toBe("tour.finished:book");
      expect(state.answers).toEqual({ "first-look": path });
    }
  });

  it("walks the real pipeline-basics demo from welcome to its CTA, with two real actions", () => {
    const demo = compiled("pipeline-basics");
    let state = initialTourState;
    const seen: string[] = [];
    const act = (action: TourAction) => {
      const result = transitionTour(demo, state, action);
      state = result.state;
      seen.push(...named(result.signals));
      return result;
    };
    act({ type: "start" });
    act({ type: "next" });
    act({ type: "next" });
    act({ type: "next" });
    expect(act({ type: "next" }).blockedBy).toBe("deal.created");
    act({ type: "actionObserved", action: { kind: "deal.created", detail: { deal: "Mine", amount: 1, stage: "lead" } } });
    // Moving the deal anywhere but Qualified does not count.
    act({ type: "actionObserved", action: { kind: "deal.stage_changed", detail: { deal: "Mine", from: "lead", to: "lost" } } });
    expect(state.stepId).toBe("move-stage");
    act({ type: "actionObserved", action: { kind: "deal.stage_changed", detail: { deal: "Mine", from: "lead", to: "qualified" } } });
    expect(state.stepId).toBe("back-to-board");
    act({ type: "arrived", path: "/" });
    expect(state.stepId).toBe("human");
    act({ type: "ctaFollowed" });
    expect(seen.filter((entry) => entry.startsWith("step.completed"))).toEqual(
      ["welcome", "board", "total", "create-deal", "move-stage", "back-to-board", "human"].map((id) => `step.completed:${id}`),
    );
    expect(seen).toContain("cta.clicked:human");
    expect(demo.steps.find((step) => step.id === "human")?.cta?.url).toBe("https://contact.example/talk");
  });
});
