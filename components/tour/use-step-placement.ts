"use client";
import { usePathname } from "next/navigation";
// Connects the DOM adapters to the step on screen: finds the target, dims around it, anchors the popover
// (or, on a phone, keeps the target above the bottom sheet), and says when the target is late or missing.
// Re-runs on every route change because the tour outlives App Router navigations.
import { type RefObject, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { isSmallScreen, keepAboveSheet, reserveSheetRoom, smallScreenQuery } from "./bottom-sheet";
import type { TargetSpec } from "./find-target";
import { showOverlay } from "./overlay";
import { type AnchoredSide, anchorPopover, type PopoverMode } from "./position";
import { revealTarget, targetTimeout, watchTarget } from "./target";

/** What the placement needs of a step; a step without target or locate (or placed center) has no target. */
export type PlacedStep = TargetSpec & { id: string; placement?: string; waitFor?: unknown; timeoutMs?: unknown };

/** none: the step points at nothing · found · looking: not there yet · missing: not there after the timeout. */
export type TargetStatus = "none" | "found" | "looking" | "missing";

export interface StepPlacement {
  mode: PopoverMode;
  status: TargetStatus;
  /** The highlighted element while status is "found". */
  target: HTMLElement | null;
}

function subscribeToSmallScreen(onChange: () => void): () => void {
  const query = window.matchMedia(smallScreenQuery);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** True at phone widths, following rotations and resizes; false while rendering on the server. */
export function useSmallScreen(): boolean {
  return useSyncExternalStore(subscribeToSmallScreen, isSmallScreen, () => false);
}

export function useStepPlacement(
  step: PlacedStep | undefined,
  active: boolean,
  popoverRef: RefObject<HTMLElement | null>,
  /** Called once per view of a step whose target did not appear in time. */
  onTargetMissing?: () => void,
): StepPlacement {
  const pathname = usePathname();
  const small = useSmallScreen();
  const [placement, setPlacement] = useState<StepPlacement>({ mode: "centered", status: "none", target: null });
  const pointsAtSomething = step !== undefined && step.placement !== "center";
  // Strings, not the step's objects: a router refresh hands in equal steps that must not restart the wait.
  const anchor = pointsAtSomething ? step.target : undefined;
  const role = pointsAtSomething ? step.locate?.role : undefined;
  const name = pointsAtSomething ? step.locate?.name : undefined;
  const waitMs = step ? targetTimeout(step) : 0;
  const side = (step?.placement && step.placement !== "center" ? step.placement : "bottom") as AnchoredSide;
  // A step waiting for an action whose target is elsewhere (another page, a form) must not cover the page.
  const fallback: PopoverMode = small ? "sheet" : step?.waitFor ? "docked" : "centered";
  // Once the visitor starts the action (clicks the target of a waitFor step), the popover would only be
  // in the way of the form that follows, so it docks until the step changes — across navigations too.
  const [engagedStep, setEngagedStep] = useState<string | null>(null);
  const stepId = step?.id;
  const waitsForAction = Boolean(step?.waitFor);
  const engaged = waitsForAction && stepId !== undefined && engagedStep === stepId;

  // One report per view of a step: a new step, or the tour shown again, starts a new view.
  const missingReported = useRef(false);
  const latestOnMissing = useRef(onTargetMissing);
  useEffect(() => {
    latestOnMissing.current = onTargetMissing;
  }, [onTargetMissing]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: stepId and active are the triggers of a new view.
  useEffect(() => {
    missingReported.current = false;
  }, [stepId, active]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger — a navigation swaps the page under the tour, so the target must be found again.
  useEffect(() => {
    const popover = popoverRef.current;
    if (!active || !popover) return;
    const show = (mode: PopoverMode, status: TargetStatus, target: HTMLElement | null = null) => setPlacement({ mode, status, target });
    if (!anchor && !role) {
      show(small ? "sheet" : "centered", "none");
      const stopOverlay = showOverlay(null);
      const releaseRoom = small ? reserveSheetRoom(popover) : undefined;
      return () => {
        stopOverlay();
        releaseRoom?.();
      };
    }
    if (engaged) {
      show(small ? "sheet" : "docked", "none");
      return small ? reserveSheetRoom(popover) : undefined;
    }
    const spec: TargetSpec = anchor ? { target: anchor } : { locate: { role: role ?? "", name: name ?? "" } };
    let detach: (() => void) | undefined;
    const stopWatching = watchTarget(
      spec,
      (lookup) => {
        detach?.();
        detach = undefined;
        if (lookup.status !== "found") {
          // Never a highlight on nothing: the overlay went with detach().
          show(fallback, lookup.status);
          // The visitor may have to work in the page meanwhile: all of it must scroll clear of the sheet.
          if (small) detach = reserveSheetRoom(popover);
          if (lookup.status === "missing" && !missingReported.current) {
            missingReported.current = true;
            latestOnMissing.current?.();
          }
          return;
        }
        const target = lookup.element;
        const stopOverlay = showOverlay(target);
        let stopPlacing: () => void;
        if (small) {
          show("sheet", "found", target);
          stopPlacing = keepAboveSheet(target, popover);
        } else {
          revealTarget(target);
          stopPlacing = anchorPopover(target, popover, side);
          show("anchored", "found", target);
        }
        const engage = () => setEngagedStep(stepId ?? null);
        if (waitsForAction) target.addEventListener("click", engage);
        detach = () => {
          target.removeEventListener("click", engage);
          stopPlacing();
          stopOverlay();
        };
      },
      waitMs,
    );
    return () => {
      stopWatching();
      detach?.();
    };
  }, [active, anchor, role, name, waitMs, side, fallback, small, engaged, stepId, waitsForAction, pathname, popoverRef]);

  return placement;
}
