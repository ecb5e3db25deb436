"use client";
// Focus follows the tour: into the popover whenever a step shows, and back to where the visitor was
// (or to the resume button) when the tour closes or finishes.
import { type RefObject, useEffect, useRef } from "react";
import type { TourState } from "./engine";
import { isTyping } from "./keyboard";

export function useTourFocus(
  state: TourState,
  popoverRef: RefObject<HTMLElement | null>,
  headingRef: RefObject<HTMLElement | null>,
  resumeRef: RefObject<HTMLElement | null>,
): void {
  const returnTo = useRef<HTMLElement | null>(null);
  const previousStatus = useRef(state.status);

  // biome-ignore lint/correctness/useExhaustiveDependencies: state.stepId is the trigger — each step shown takes focus again.
  useEffect(() => {
    const was = previousStatus.current;
    previousStatus.current = state.status;
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;

    if (state.status === "active") {
      if (was !== "active" && !popoverRef.current?.contains(focused)) returnTo.current = focused;
      // Never pull focus out of a field the visitor is typing in (a waitFor step may advance mid-form).
      if (isTyping(focused) && !popoverRef.current?.contains(focused)) return;
      headingRef.current?.focus({ preventScroll: true });
      return;
    }
    if (was !== "active") return;
    const back = returnTo.current;
    returnTo.current = null;
    if (back?.isConnected && back !== document.body) back.focus({ preventScroll: true });
    else resumeRef.current?.focus({ preventScroll: true });
  }, [state.status, state.stepId, popoverRef, headingRef, resumeRef]);
}
