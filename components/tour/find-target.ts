// Which element a step points at: its data-tour anchor, or the element with a role and accessible name
// (`locate: { role, name }`, the name already in the visitor's language). Only visible elements count:
// a popover beside something the visitor cannot see is worse than none.
import { accessibleName, collapse, roleCandidates, roleOf } from "./accessible-name";

/** The part of a step that says where it points; a step may carry either. */
export interface TargetSpec {
  target?: string;
  locate?: { role: string; name: string };
}

export function tourTargetSelector(anchor: string): string {
  return `[data-tour="${CSS.escape(anchor)}"]`;
}

/**
 * Rendered and not hidden by CSS (checkVisibility, Baseline since 2024); where a browser lacks it, an element
 * under display: none has no boxes. `hidden` first: cheap, and right even in a DOM without a user-agent stylesheet.
 */
export function isVisible(element: Element): boolean {
  return !element.closest("[hidden]") && (element.checkVisibility?.({ visibilityProperty: true }) ?? element.getClientRects().length > 0);
}

/** True when element is what spec describes (used to keep a found target while it still qualifies). */
export function matchesTarget(element: Element, spec: TargetSpec): boolean {
  if (spec.target) return element.matches(tourTargetSelector(spec.target)) && isVisible(element);
  if (!spec.locate) return false;
  return (
    roleOf(element) === spec.locate.role &&
    accessibleName(element).toLowerCase() === collapse(spec.locate.name).toLowerCase() &&
    isVisible(element)
  );
}

/** A selector for every element that could be what spec describes (matchesTarget decides), or null for none. */
export function candidateSelector(spec: TargetSpec): string | null {
  if (spec.target) return tourTargetSelector(spec.target);
  return spec.locate ? roleCandidates(spec.locate.role) : null;
}

/** The first visible element the step points at, or null (none yet, or the step points at nothing). */
export function findTarget(spec: TargetSpec, root: ParentNode = document): HTMLElement | null {
  const selector = candidateSelector(spec);
  if (!selector) return null;
  for (const element of root.querySelectorAll<HTMLElement>(selector)) {
    if (matchesTarget(element, spec)) return element;
  }
  return null;
}

/** Every visible element the step points at: the studio's picker counts them (one is what a step needs). */
export function findAllTargets(spec: TargetSpec, root: ParentNode = document): HTMLElement[] {
  const selector = candidateSelector(spec);
  if (!selector) return [];
  return [...root.querySelectorAll<HTMLElement>(selector)].filter((element) => matchesTarget(element, spec));
}
