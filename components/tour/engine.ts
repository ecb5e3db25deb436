// The tour as a pure state machine over a demo's steps: no DOM, no React, so every rule is unit-tested.
// A transition returns the next state plus the signals it implies; adapters decide how to show and send them.
import type { DemoStep, SandboxActionKind } from "@/lib/demos/demo-schema";

export const tourStatuses = ["idle", "active", "closed", "finished"] as const;
export type TourStatus = (typeof tourStatuses)[number];

export interface TourState {
  status: TourStatus;
  /** The step on screen (active), or the one the visitor left (closed/finished). */
  index: number;
}

export type TourAction =
  | { type: "start" }
  | { type: "next" }
  | { type: "back" }
  /** The secondary way past a waitFor step, for visitors who do not want to do the action. */
  | { type: "skip" }
  | { type: "close" }
  | { type: "finish" }
  | { type: "goTo"; index: number }
  /** Shows the tour again: after a reload (active), after closing (same step), after finishing (from the top). */
  | { type: "resume" }
  | { type: "actionObserved"; kind: SandboxActionKind };

export type TourSignalType = "tour.started" | "step.viewed" | "step.completed" | "tour.finished" | "tour.closed";

export interface TourSignal {
  type: TourSignalType;
  stepIndex: number;
  /** The sandbox action that completed the step, when one did. */
  action?: SandboxActionKind;
  /** The visitor pressed "Skip this step" instead of doing the action. */
  skipped?: boolean;
  /** A finished tour was started again from the top. */
  restarted?: boolean;
}

export interface TourTransition {
  state: TourState;
  signals: TourSignal[];
  /** Set when "next" was refused because the step waits for a real action in the sandbox. */
  blockedBy?: SandboxActionKind;
}

/** The engine only needs to know which steps wait for an action. */
export type EngineStep = Pick<DemoStep, "waitFor">;

export const initialTourState: TourState = { status: "idle", index: 0 };

export function canGoNext(steps: readonly EngineStep[], state: TourState): boolean {
  return state.status === "active" && steps[state.index]?.waitFor === undefined;
}

/** Keeps a stored or stale state valid for the steps at hand (a demo may have lost steps since). */
export function normalizeTourState(stepCount: number, state: TourState): TourState {
  if (stepCount <= 0) return initialTourState;
  const index = Number.isInteger(state.index) ? Math.min(Math.max(state.index, 0), stepCount - 1) : 0;
  return index === state.index ? state : { ...state, index };
}

const unchanged = (state: TourState): TourTransition => ({ state, signals: [] });

function show(index: number, extra: TourSignal[] = []): TourTransition {
  return { state: { status: "active", index }, signals: [...extra, { type: "step.viewed", stepIndex: index }] };
}

/** Completes the current step and moves on; the last step's completion finishes the tour. */
function advance(steps: readonly EngineStep[], index: number, completed: TourSignal): TourTransition {
  if (index >= steps.length - 1) {
    return {
      state: { status: "finished", index },
      signals: [completed, { type: "tour.finished", stepIndex: index }],
    };
  }
  return show(index + 1, [completed]);
}

export function transitionTour(steps: readonly EngineStep[], current: TourState, action: TourAction): TourTransition {
  if (steps.length === 0) return unchanged(current);
  const state = normalizeTourState(steps.length, current);
  const active = state.status === "active";
  const step = steps[state.index];

  switch (action.type) {
    case "start":
      if (active) return unchanged(state);
      return show(0, [{ type: "tour.started", stepIndex: 0 }]);
    case "resume":
      if (state.status === "idle") return show(0, [{ type: "tour.started", stepIndex: 0 }]);
      if (state.status === "finished") return show(0, [{ type: "tour.started", stepIndex: 0, restarted: true }]);
      return show(state.index);
    case "next":
      if (!active) return unchanged(state);
      if (step?.waitFor) return { ...unchanged(state), blockedBy: step.waitFor };
      return advance(steps, state.index, { type: "step.completed", stepIndex: state.index });
    case "skip":
      if (!active) return unchanged(state);
      return advance(steps, state.index, { type: "step.completed", stepIndex: state.index, skipped: true });
    case "actionObserved":
      if (!active || step?.waitFor !== action.kind) return unchanged(state);
      return advance(steps, state.index, { type: "step.completed", stepIndex: state.index, action: action.kind });
    case "back":
      if (!active || state.index === 0) return unchanged(state);
      return show(state.index - 1);
    case "goTo":
      if (!active || action.index === state.index) return unchanged(state);
      if (!Number.isInteger(action.index) || action.index < 0 || action.index >= steps.length) return unchanged(state);
      return show(action.index);
    case "close":
      if (!active) return unchanged(state);
      return {
        state: { status: "closed", index: state.index },
        signals: [{ type: "tour.closed", stepIndex: state.index }],
      };
    case "finish":
      if (!active) return unchanged(state);
      return {
        state: { status: "finished", index: state.index },
        signals: [{ type: "tour.finished", stepIndex: state.index }],
      };
  }
}
