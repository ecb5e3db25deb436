import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  canGoNext,
  type EngineStep,
  initialTourState,
  normalizeTourState,
  type TourAction,
  type TourState,
  transitionTour,
} from "@/components/tour/engine";
import { demoSchema } from "@/lib/demos/demo-schema";
import { stepsForPersona } from "@/lib/demos/personas";

const pipelineBasics = demoSchema.parse(
  parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../../demos/pipeline-basics/demo.yaml"), "utf8")),
);

// welcome · board · create-deal (waits) · move-stage (waits) · done
const steps: EngineStep[] = [{}, {}, { waitFor: "deal.created" }, { waitFor: "deal.stage_changed" }, {}];
const active = (index: number): TourState => ({ status: "active", index });

function run(from: TourState, ...actions: TourAction[]): TourState {
  return actions.reduce((state, action) => transitionTour(steps, state, action).state, from);
}

describe("tour engine", () => {
  it("starts a new visitor on the first step and says so", () => {
    const { state, signals } = transitionTour(steps, initialTourState, { type: "start" });
    expect(state).toEqual(active(0));
    expect(signals).toEqual([
      { type: "tour.started", stepIndex: 0 },
      { type: "step.viewed", stepIndex: 0 },
    ]);
  });

  it("does not restart a tour that is already running", () => {
    const running = active(1);
    const result = transitionTour(steps, running, { type: "start" });
    expect(result.state).toBe(running);
    expect(result.signals).toEqual([]);
  });

  it("completes the current step and shows the next one", () => {
    const { state, signals } = transitionTour(steps, active(0), { type: "next" });
    expect(state).toEqual(active(1));
    expect(signals).toEqual([
      { type: "step.completed", stepIndex: 0 },
      { type: "step.viewed", stepIndex: 1 },
    ]);
  });

  it("goes back a step without completing anything, and not before the first", () => {
    expect(transitionTour(steps, active(1), { type: "back" }).signals).toEqual([{ type: "step.viewed", stepIndex: 0 }]);
    const first = active(0);
    expect(transitionTour(steps, first, { type: "back" })).toEqual({ state: first, signals: [] });
  });

  it("waits for the visitor to create a deal before moving on", () => {
    const waiting = active(2);
    const result = transitionTour(steps, waiting, { type: "next" });
    expect(result.state).toBe(waiting);
    expect(result.signals).toEqual([]);
    expect(result.blockedBy).toBe("deal.created");
    expect(canGoNext(steps, waiting)).toBe(false);
    expect(canGoNext(steps, active(1))).toBe(true);
  });

  it("moves on by itself once the visitor really creates a deal", () => {
    const { state, signals } = transitionTour(steps, active(2), { type: "actionObserved", kind: "deal.created" });
    expect(state).toEqual(active(3));
    expect(signals).toEqual([
      { type: "step.completed", stepIndex: 2, action: "deal.created" },
      { type: "step.viewed", stepIndex: 3 },
    ]);
  });

  it("ignores actions the current step is not waiting for", () => {
    expect(run(active(2), { type: "actionObserved", kind: "deal.stage_changed" })).toEqual(active(2));
    expect(run(active(1), { type: "actionObserved", kind: "deal.created" })).toEqual(active(1));
  });

  it("ignores sandbox actions while the tour is closed, finished or not started", () => {
    for (const status of ["idle", "closed", "finished"] as const) {
      const state: TourState = { status, index: 2 };
      expect(transitionTour(steps, state, { type: "actionObserved", kind: "deal.created" }).signals).toEqual([]);
    }
  });

  it("lets the visitor skip a step that waits for an action, and records it as skipped", () => {
    const { state, signals } = transitionTour(steps, active(2), { type: "skip" });
    expect(state).toEqual(active(3));
    expect(signals[0]).toEqual({ type: "step.completed", stepIndex: 2, skipped: true });
  });

  it("finishes the tour when the last step is completed", () => {
    const { state, signals } = transitionTour(steps, active(4), { type: "next" });
    expect(state).toEqual({ status: "finished", index: 4 });
    expect(signals).toEqual([
      { type: "step.completed", stepIndex: 4 },
      { type: "tour.finished", stepIndex: 4 },
    ]);
  });

  it("finishes the tour when the last step waits for an action and the action happens", () => {
    const lastWaits: EngineStep[] = [{}, { waitFor: "deal.viewed" }];
    const { state, signals } = transitionTour(lastWaits, active(1), { type: "actionObserved", kind: "deal.viewed" });
    expect(state).toEqual({ status: "finished", index: 1 });
    expect(signals.map((signal) => signal.type)).toEqual(["step.completed", "tour.finished"]);
  });

  it("can be finished early without completing the step on screen", () => {
    const { state, signals } = transitionTour(steps, active(1), { type: "finish" });
    expect(state).toEqual({ status: "finished", index: 1 });
    expect(signals).toEqual([{ type: "tour.finished", stepIndex: 1 }]);
  });

  it("closes on request and remembers where the visitor was", () => {
    const { state, signals } = transitionTour(steps, active(3), { type: "close" });
    expect(state).toEqual({ status: "closed", index: 3 });
    expect(signals).toEqual([{ type: "tour.closed", stepIndex: 3 }]);
  });

  it("ignores next, back, skip, close and goTo unless the tour is running", () => {
    const closed: TourState = { status: "closed", index: 1 };
    for (const action of [
      { type: "next" },
      { type: "back" },
      { type: "skip" },
      { type: "close" },
      { type: "finish" },
      { type: "goTo", index: 0 },
    ] satisfies TourAction[]) {
      expect(transitionTour(steps, closed, action)).toEqual({ state: closed, signals: [] });
    }
  });

  it("resumes a closed tour on the step the visitor left", () => {
    const { state, signals } = transitionTour(steps, { status: "closed", index: 3 }, { type: "resume" });
    expect(state).toEqual(active(3));
    expect(signals).toEqual([{ type: "step.viewed", stepIndex: 3 }]);
  });

  it("restarts a finished tour from the top, as a new start", () => {
    const { state, signals } = transitionTour(steps, { status: "finished", index: 4 }, { type: "resume" });
    expect(state).toEqual(active(0));
    expect(signals).toEqual([
      { type: "tour.started", stepIndex: 0, restarted: true },
      { type: "step.viewed", stepIndex: 0 },
    ]);
  });

  it("shows the current step again when an active tour is resumed after a reload", () => {
    const { state, signals } = transitionTour(steps, active(2), { type: "resume" });
    expect(state).toEqual(active(2));
    expect(signals).toEqual([{ type: "step.viewed", stepIndex: 2 }]);
  });

  it("jumps to any existing step, and refuses steps that do not exist", () => {
    expect(transitionTour(steps, active(0), { type: "goTo", index: 3 }).state).toEqual(active(3));
    for (const index of [-1, 5, 1.5, Number.NaN]) {
      expect(run(active(0), { type: "goTo", index })).toEqual(active(0));
    }
    expect(transitionTour(steps, active(2), { type: "goTo", index: 2 }).signals).toEqual([]);
  });

  it("keeps a stale state inside the demo when the demo lost steps", () => {
    expect(normalizeTourState(5, { status: "closed", index: 9 })).toEqual({ status: "closed", index: 4 });
    expect(normalizeTourState(5, { status: "active", index: -2 })).toEqual(active(0));
    expect(normalizeTourState(0, active(3))).toEqual(initialTourState);
    expect(transitionTour(steps, active(40), { type: "next" }).signals[0]).toEqual({
      type: "step.completed",
      stepIndex: 4,
    });
  });

  it("does nothing at all for a demo without steps", () => {
    expect(transitionTour([], initialTourState, { type: "start" })).toEqual({ state: initialTourState, signals: [] });
  });

  it("walks the real pipeline-basics demo from welcome to finish, with two real actions", () => {
    const demoSteps = stepsForPersona(pipelineBasics.steps, undefined);
    let state = initialTourState;
    const seen: string[] = [];
    const act = (action: TourAction) => {
      const result = transitionTour(demoSteps, state, action);
      state = result.state;
      for (const signal of result.signals) seen.push(`${signal.type}:${demoSteps[signal.stepIndex]?.id}`);
      return result;
    };
    act({ type: "start" });
    act({ type: "next" });
    act({ type: "next" });
    act({ type: "next" });
    expect(act({ type: "next" }).blockedBy).toBe("deal.created");
    act({ type: "actionObserved", kind: "deal.created" });
    expect(act({ type: "next" }).blockedBy).toBe("deal.stage_changed");
    act({ type: "actionObserved", kind: "deal.stage_changed" });
    act({ type: "next" });
    expect(state).toEqual({ status: "finished", index: 5 });
    expect(seen.filter((entry) => entry.startsWith("step.completed"))).toEqual(
      ["welcome", "board", "total", "create-deal", "move-stage", "human"].map((id) => `step.completed:${id}`),
    );
    expect(seen.at(-1)).toBe("tour.finished:human");
  });
});
