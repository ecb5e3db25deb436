// Follows a step's target while the step is open: one that renders late (data loading, a form opened by a
// click, a client navigation), one replaced by a re-render, one removed for good. A MutationObserver, never
// polling; it reports every change so the popover and the highlight never point at a detached node.
import { findTarget, matchesTarget, type TargetSpec } from "./find-target";

/** Long enough for a client navigation and a data fetch, short enough that a wrong target is noticed. */
export const targetWaitMs = 6000;

/** found: on screen · looking: not (yet) there, still waiting · missing: not there after the step's timeout. */
export type TargetLookup = { status: "found"; element: HTMLElement } | { status: "looking" } | { status: "missing" };

/** A step may say how long to wait for its target (timeoutMs); otherwise the default. */
export function targetTimeout(step: { timeoutMs?: unknown }): number {
  return typeof step.timeoutMs === "number" && step.timeoutMs > 0 ? step.timeoutMs : targetWaitMs;
}

/** The tour's own nodes: changes there (the popover moving, the highlight redrawn) cannot reveal a target. */
const tourUi = ".tour-popover,.tour-overlay,.tour-live";

/**
 * Calls onChange when the target is found (again, or a replacement), lost, or still missing after waitMs.
 * A lost target starts a new wait: its replacement usually follows within a frame or a fetch.
 */
export function watchTarget(spec: TargetSpec, onChange: (lookup: TargetLookup) => void, waitMs: number = targetWaitMs): () => void {
  let current: HTMLElement | null = null;
  let waiting = false;
  let giveUpTimer: ReturnType<typeof setTimeout> | undefined;

  function check(): void {
    if (current?.isConnected && matchesTarget(current, spec)) return;
    const found = findTarget(spec);
    if (found) {
      clearTimeout(giveUpTimer);
      waiting = false;
      current = found;
      onChange({ status: "found", element: found });
      return;
    }
    if (waiting) return;
    current = null;
    waiting = true;
    onChange({ status: "looking" });
    giveUpTimer = setTimeout(() => onChange({ status: "missing" }), waitMs);
  }

  const observer = new MutationObserver((records) => {
    if (records.every((record) => (record.target as Element).closest?.(tourUi) ?? record.target.parentElement?.closest(tourUi))) return;
    check();
  });
  observer.observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    // What can make an element appear, disappear or change its name; never the tour's own inline styles.
    attributeFilter: ["data-tour", "hidden", "class", "style", "role", "aria-label", "aria-labelledby", "aria-hidden", "open"],
    characterData: Boolean(spec.locate),
  });
  // A media query can hide or show the target too (a menu that folds at a breakpoint).
  window.addEventListener("resize", check);
  check();
  return () => {
    observer.disconnect();
    window.removeEventListener("resize", check);
    clearTimeout(giveUpTimer);
  };
}

export function prefersReducedMotion(): boolean {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/** How a scroll the tour starts moves: instantly for visitors who asked the system for less motion. */
export function scrollBehavior(): ScrollBehavior {
  return prefersReducedMotion() ? "instant" : "smooth";
}

/** Brings the target to the middle of the viewport unless it is already fully visible. */
export function revealTarget(target: Element): void {
  const rect = target.getBoundingClientRect();
  const visible = rect.top >= 0 && rect.left >= 0 && rect.bottom <= window.innerHeight && rect.right <= window.innerWidth;
  if (visible) return;
  target.scrollIntoView({ block: "center", inline: "nearest", behavior: scrollBehavior() });
}
