// The tour as a pure state machine over a compiled demo (lib/demos/tour-graph.ts): no DOM, no React, so every
// rule is unit-tested. The server has already walked the graph, so each step names the one after it (or, for a
// choice, the first step of each option's path); the engine follows those ids and keeps the trail for Back.
// A transition returns the next state plus the signals it implies; adapters decide how to show and send them.
import type { SandboxActionKind, TourStep } from "@/lib/demos/demo-schema";

export const tourStatuses = ["idle", "active", "closed", "finished"] as const;
export type TourStatus = (typeof tourStatuses)[number];

export interface TourState {
  status: TourStatus;
  /** The step on screen (active), or the one the visitor left (closed/finished); "" before the first. */
  stepId: string;
  /** The steps shown before this one, oldest first: Back walks it, so Back after a choice returns to it. */
  trail: string[];
  /** Each choice step answered, by step id: the path taken. */
  answers: Record<string, string>;
}

/** What the engine reads of a step: how it is left. */
export type EngineStep = Pick<TourStep, "id" | "kind" | "waitFor" | "navigate" | "options" | "cta" | "next">;
export type EngineTour = { start: string; steps: readonly EngineStep[] };

/** A sandbox action as the server recorded it: its kind (a SandboxActionKind from the product) and bounded detail. */
export type ObservedAction = { kind: string; detail?: Record<string, string | number> };

export type TourAction =
  | { type: "start" }
  | { type: "next" }
  | { type: "back" }
  /** The secondary way past a waitFor or navigate step, for visitors who do not want to do it. */
  | { type: "skip" }
  | { type: "close" }
  | { type: "finish" }
  /** Shows the tour again: after a reload (active), after closing (same step), after finishing (from the top). */
  | { type: "resume" }
  | { type: "actionObserved"; action: ObservedAction }
  /** The visitor is now on this product path (under the sandbox): a navigate step there is done. */
  | { type: "arrived"; path: string }
  /** A choice step's option, by its path name. */
  | { type: "choose"; path: string }
  /** The visitor followed the step's call to action. */
  | { type: "ctaFollowed" }
  /** The visitor chose "Show me" on a rep's suggestion of this step: the tour shows it, whatever it showed before. */
  | { type: "showStep"; stepId: string };

export type TourSignalType =
  | "tour.started"
  | "step.viewed"
  | "step.completed"
  | "tour.finished"
  | "tour.closed"
  | "tour.choice"
  | "tour.navigated"
  | "cta.clicked";

export interface TourSignal {
  type: TourSignalType;
  stepId: string;
  /** How many steps the visitor saw before this one on their way (0 for the first). */
  position: number;
  /** The sandbox action that completed the step, when one did. */
  action?: SandboxActionKind;
  /** The visitor pressed "Skip this step" instead of doing the action. */
  skipped?: boolean;
  /** A finished tour was started again from the top. */
  restarted?: boolean;
  /** tour.choice: option (the path) and label; tour.navigated: route; cta.clicked: url. */
  props?: Record<string, string>;
}

export interface TourTransition {
  state: TourState;
  signals: TourSignal[];
  /** Set when "next" was refused because the step waits for a real action in the sandbox. */
  blockedBy?: SandboxActionKind;
}

export const initialTourState: TourState = { status: "idle", stepId: "", trail: [], answers: {} };

function stepOf(tour: EngineTour, id: string): EngineStep | undefined {
  return tour.steps.find((step) => step.id === id);
}

/** Whether Next moves on: not while a step waits for an action, a page, or an answer. */
export function canGoNext(tour: EngineTour, state: TourState): boolean {
  const step = stepOf(tour, state.stepId);
  return state.status === "active" && step !== undefined && !step.waitFor && !step.navigate && step.kind !== "choice";
}

/** Whether a recorded action is the one a step waits for: the same kind, and every `where` field equal. */
export function actionMatches(waitFor: EngineStep["waitFor"], action: ObservedAction): boolean {
  if (!waitFor || waitFor.action !== action.kind) return false;
  return Object.entries(waitFor.where ?? {}).every(([field, value]) => action.detail?.[field] === value);
}

/**
 * Keeps a stored or stale state valid for the tour at hand (a demo may have lost steps since): an unknown step
 * starts over, unknown steps drop out of the trail.
 */
export function normalizeTourState(tour: EngineTour, state: TourState): TourState {
  if (state.status === "idle") return state.stepId === "" && state.trail.length === 0 ? state : initialTourState;
  if (!stepOf(tour, state.stepId)) return initialTourState;
  const trail = state.trail.filter((id) => stepOf(tour, id));
  return trail.length === state.trail.length ? state : { ...state, trail };
}

const unchanged = (state: TourState): TourTransition => ({ state, signals: [] });

/** A signal about the step on screen (or the one just left). */
const about = (state: TourState, type: TourSignalType, extra?: Partial<TourSignal>): TourSignal => ({
  type,
  stepId: state.stepId,
  position: state.trail.length,
  ...extra,
});

function show(state: TourState, stepId: string, trail: string[], signals: TourSignal[] = []): TourTransition {
  const shown: TourState = { status: "active", stepId, trail, answers: state.answers };
  return { state: shown, signals: [...signals, about(shown, "step.viewed")] };
}

/** The tour leaves the screen (closed, or finished); signals say why. */
function leave(state: TourState, status: "closed" | "finished", signals: TourSignal[]): TourTransition {
  return { state: { ...state, status }, signals };
}

/** Completes the current step and moves on to `to` (its next, by default); no step after it finishes the tour. */
function advance(tour: EngineTour, state: TourState, completed: TourSignal[], to = stepOf(tour, state.stepId)?.next): TourTransition {
  if (!to || !stepOf(tour, to)) return leave(state, "finished", [...completed, about(state, "tour.finished")]);
  return show(state, to, [...state.trail, state.stepId], completed);
}

function restart(tour: EngineTour, restarted: boolean): TourTransition {
  if (!stepOf(tour, tour.start)) return unchanged(initialTourState);
  const started = { ...initialTourState, stepId: tour.start };
  return show(started, tour.start, [], [about(started, "tour.started", restarted ? { restarted } : {})]);
}

export function transitionTour(tour: EngineTour, current: TourState, action: TourAction): TourTransition {
  if (tour.steps.length === 0) return unchanged(current);
  const state = normalizeTourState(tour, current);
  const active = state.status === "active";
  const step = stepOf(tour, state.stepId);

  const done = (extra?: Partial<TourSignal>) => about(state, "step.completed", extra);

  switch (action.type) {
    case "start":
      return active ? unchanged(state) : restart(tour, false);
    case "resume":
      if (state.status === "idle") return restart(tour, false);
      if (state.status === "finished") return restart(tour, true);
      return show(state, state.stepId, state.trail);
    case "next":
      if (!active || !step) return unchanged(state);
      if (step.waitFor) return { ...unchanged(state), blockedBy: step.waitFor.action };
      return step.navigate || step.kind === "choice" ? unchanged(state) : advance(tour, state, [done()]);
    case "skip":
      return !active || !step || step.kind === "choice" ? unchanged(state) : advance(tour, state, [done({ skipped: true })]);
    case "actionObserved":
      if (!active || !step?.waitFor || !actionMatches(step.waitFor, action.action)) return unchanged(state);
      return advance(tour, state, [done({ action: step.waitFor.action })]);
    case "arrived":
      if (!active || step?.navigate?.path !== action.path) return unchanged(state);
      return advance(tour, state, [about(state, "tour.navigated", { props: { route: step.navigate.route } }), done()]);
    case "choose": {
      const option = active ? step?.options?.find((candidate) => candidate.path === action.path) : undefined;
      if (!step || !option) return unchanged(state);
      const answered = { ...state, answers: { ...state.answers, [step.id]: option.path } };
      return advance(
        tour,
        answered,
        [about(state, "tour.choice", { props: { option: option.path, label: option.label } }), done()],
        option.step,
      );
    }
    case "ctaFollowed":
      if (!active || !step?.cta) return unchanged(state);
      return leave(state, "finished", [
        about(state, "cta.clicked", { props: { url: step.cta.url } }),
        done(),
        about(state, "tour.finished"),
      ]);
    case "back": {
      const previous = state.trail.at(-1);
      return !active || previous === undefined ? unchanged(state) : show(state, previous, state.trail.slice(0, -1));
    }
    case "showStep":
      // A step this visitor's branch of the tour does not have moves nothing.
      if (!stepOf(tour, action.stepId)) return unchanged(state);
      if (active && state.stepId === action.stepId) return unchanged(state);
      return show(state, action.stepId, active ? [...state.trail, state.stepId] : state.trail);
    case "close":
      return active ? leave(state, "closed", [about(state, "tour.closed")]) : unchanged(state);
    case "finish":
      return active ? leave(state, "finished", [about(state, "tour.finished")]) : unchanged(state);
  }
}
