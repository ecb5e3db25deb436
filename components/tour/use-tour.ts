"use client";
// The tour's state in React: engine transitions, persisted per sandbox, signals sent once per transition,
// sandbox actions and page changes fed back in. Everything visual lives elsewhere.
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { setTrackingSandbox } from "@/components/signals/tracker";
import type { TourDemo } from "@/lib/demos/demo-schema";
import { listenForSandboxActions, listenForShowStep } from "./actions";
import { initialTourState, type TourAction, type TourState, transitionTour } from "./engine";
import { browserTourStorage, loadTourState, saveTourState, tourProgressName } from "./persistence";
import { sendTourSignal } from "./signals";

/** The product path under the sandbox ("/forecast"), as navigate steps name it. */
export function productPath(pathname: string, sandboxId: string): string | undefined {
  const base = `/s/${sandboxId}`;
  if (pathname === base) return "/";
  return pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : undefined;
}

export function useTour(demo: TourDemo, sandboxId: string) {
  const [state, setState] = useState<TourState>(initialTourState);
  // False until this browser's stored progress was read: before that the server-rendered opening card stands in.
  const [restored, setRestored] = useState(false);
  // Transitions read the ref, not the render's state, so two actions in one tick both apply.
  const stateRef = useRef(state);
  const restoredFor = useRef<string | null>(null);

  const dispatch = useCallback(
    /** Applies action; true when the tour moved. */
    (action: TourAction): boolean => {
      const transition = transitionTour(demo, stateRef.current, action);
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
    const stored = loadTourState(browserTourStorage(), sandboxId, tourProgressName(demo), demo);
    stateRef.current = stored;
    setState(stored);
    setRestored(true);
    delete document.documentElement.dataset.tourResuming;
    if (stored.status === "idle") dispatch({ type: "start" });
    else if (stored.status === "active") dispatch({ type: "resume" });
  }, [demo, sandboxId, dispatch]);

  // Subscribed once, calling the latest dispatch: a router refresh hands us a new `demo` object, and a
  // listener re-subscribed in that same commit would miss the action the product announces in it.
  const latestDispatch = useRef(dispatch);
  useEffect(() => {
    latestDispatch.current = dispatch;
  }, [dispatch]);
  useEffect(() => listenForSandboxActions((action) => latestDispatch.current({ type: "actionObserved", action })), []);
  useEffect(() => listenForShowStep((stepId) => latestDispatch.current({ type: "showStep", stepId })), []);

  // A navigate step is done when the visitor gets there, by its button or by themselves. Only a change of page
  // counts: a reload on the page a navigate step names keeps showing that step (it resumes where it was).
  const pathname = usePathname();
  const previousPath = useRef(pathname);
  useEffect(() => {
    if (previousPath.current === pathname) return;
    previousPath.current = pathname;
    const path = productPath(pathname, sandboxId);
    if (path) latestDispatch.current({ type: "arrived", path });
  }, [pathname, sandboxId]);

  return { state, dispatch, restored };
}
