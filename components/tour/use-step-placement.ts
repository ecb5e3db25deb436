"use client";
import { usePathname } from "next/navigation";
// Connects the DOM adapters to the step on screen: finds the target, dims around it, anchors the popover.
// Re-runs on every route change because the tour outlives App Router navigations.
import { type RefObject, useEffect, useState } from "react";
import type { TourStep } from "@/lib/demos/demo-schema";
import { showOverlay } from "./overlay";
import { type AnchoredSide, anchorPopover, type PopoverMode } from "./position";
import { revealTarget, watchTourTarget } from "./target";

export function useStepPlacement(
  step: TourStep | undefined,
  active: boolean,
  popoverRef: RefObject<HTMLElement | null>,
  arrowRef: RefObject<HTMLElement | null>,
): PopoverMode {
  const pathname = usePathname();
  const [mode, setMode] = useState<PopoverMode>("centered");
  const anchor = step?.placement === "center" ? undefined : step?.target;
  const side: AnchoredSide = step && step.placement !== "center" ? step.placement : "bottom";
  // A step waiting for an action whose target is elsewhere (another page, a form) must not cover the page.
  const fallback: PopoverMode = step?.waitFor ? "docked" : "centered";
  // Once the visitor starts the action (clicks the target of a waitFor step), the popover would only be
  // in the way of the form that follows, so it docks until the step changes — across navigations too.
  const [engagedStep, setEngagedStep] = useState<string | null>(null);
  const stepId = step?.id;
  const waitsForAction = Boolean(step?.waitFor);
  const engaged = waitsForAction && stepId !== undefined && engagedStep === stepId;

  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger — a navigation swaps the page under the tour, so the target must be found again.
  useEffect(() => {
    const popover = popoverRef.current;
    if (!active || !popover) return;
    if (!anchor) {
      setMode("centered");
      return showOverlay(null);
    }
    if (engaged) {
      setMode("docked");
      return;
    }
    setMode(fallback);
    let detach: (() => void) | undefined;
    const stopWatching = watchTourTarget(anchor, (target) => {
      detach?.();
      detach = undefined;
      if (!target) {
        setMode(fallback);
        return;
      }
      revealTarget(target);
      const stopOverlay = showOverlay(target);
      const stopAnchor = anchorPopover(target, popover, arrowRef.current, side);
      setMode("anchored");
      const engage = () => setEngagedStep(stepId ?? null);
      if (waitsForAction) target.addEventListener("click", engage);
      detach = () => {
        target.removeEventListener("click", engage);
        stopAnchor();
        stopOverlay();
      };
    });
    return () => {
      stopWatching();
      detach?.();
    };
  }, [active, anchor, side, fallback, engaged, stepId, waitsForAction, pathname, popoverRef, arrowRef]);

  return mode;
}
