// Which element a step points at: its data-tour anchor, or the element with a role and accessible name
// (`locate: { role, name }`, the name already in the visitor's language). Only visible elements count:
// a popover beside something the visitor cannot see is worse than none.
import { accessibleName, collapse, roleOf } from "./accessible-name";

/** The part of a step that says where it points; a step may carry either. */
export interface TargetSpec {
  target?: string;
  locate?: { role: string; name: string };
}

/** The elements that can have each role without an explicit role attribute. */
const implicitRoleSelectors: Record<string, string> = {
  button: "button,input",
  link: "a[href],area[href]",
  heading: "h1,h2,h3,h4,h5,h6",
  textbox: "input,textarea",
  searchbox: "input",
  combobox: "select,input[list]",
  listbox: "select",
  checkbox: "input",
  radio: "input",
  slider: "input",
  spinbutton: "input",
  navigation: "nav",
  region: "section",
  form: "form",
  table: "table",
  img: "img",
};

export function tourTargetSelector(anchor: string): string {
  return `[data-tour="${CSS.escape(anchor)}"]`;
}

/** Rendered and not hidden by CSS; checkVisibility where the browser has it, the computed styles otherwise. */
export function isVisible(element: Element): boolean {
  // `hidden` first: cheap, and right even where a DOM without a user-agent stylesheet runs this.
  if (element.closest("[hidden]")) return false;
  if (typeof element.checkVisibility === "function") return element.checkVisibility({ visibilityProperty: true });
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (style.display === "none") return false;
    if (node === element && style.visibility === "hidden") return false;
  }
  return true;
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
  if (!spec.locate) return null;
  const implicit = implicitRoleSelectors[spec.locate.role];
  return implicit ? `[role],${implicit}` : "[role]";
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
