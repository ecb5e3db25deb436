"use client";
// The tour's state in React: engine transitions, persisted per sandbox, signals sent once per transition,
// sandbox actions fed back in. Everything visual lives elsewhere.
import { useCallback, useEffect, useRef, useState } from "react";
import { setTrackingSandbox } from "@/components/signals/tracker";
import type { TourDemo } from "@/lib/demos/demo-schema";
import { listenForSandboxActions } from "./actions";
import { initialTourState, type TourAction, type TourState, transitionTour } from "./engine";
import { browserTourStorage, loadTourState, saveTourState, tourProgressName } from "./persistence";
import { sendTourSignal } from "./signals";

export function useTour(demo: TourDemo, sandboxId: string) {
  const [state, setState] = useState<TourState>(initialTourState);
  // Transitions read the ref, not the render's state, so two actions in one tick both apply.
  const stateRef = useRef(state);
  const restoredFor = useRef<string | null>(null);

  const dispatch = useCallback(
    /** Applies action; true when the tour moved. */
    (action: TourAction): boolean => {
      const transition = transitionTour(demo.steps, stateRef.current, action);
      const moved = transition.state !== stateRef.current;
      if (moved) {
        stateRef.current = transition.state;
        setState(transition.state);
        saveTourState(browserTourStorage(), sandboxId, tourProgressName(demo), transition.state);
      }
      for (const signal of transition.signals) sendTourSignal(demo, signal);
      return moved;
    },
    [demo, sandboxId],
  );

  useEffect(() => {
    // Strict Mode runs effects twice; a restored tour must still send "tour.started" only once.
    const key = `${sandboxId}:${tourProgressName(demo)}`;
    if (restoredFor.current === key) return;
    restoredFor.current = key;
    setTrackingSandbox(sandboxId);
    const stored = loadTourState(browserTourStorage(), sandboxId, tourProgressName(demo), demo.steps.length);
    stateRef.current = stored;
    setState(stored);
    if (stored.status === "idle") dispatch({ type: "start" });
    else if (stored.status === "active") dispatch({ type: "resume" });
  }, [demo, sandboxId, dispatch]);

  // Subscribed once, calling the latest dispatch: a router refresh hands us a new `demo` object, and a
  // listener re-subscribed in that same commit would miss the action the product announces in it.
  const latestDispatch = useRef(dispatch);
  useEffect(() => {
    latestDispatch.current = dispatch;
  }, [dispatch]);
  useEffect(() => listenForSandboxActions((kind) => latestDispatch.current({ type: "actionObserved", kind })), []);

  return { state, dispatch };
}
