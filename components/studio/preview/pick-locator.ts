// The picker's DOM side: the best locator for an element under the pointer, and how many elements it matches
// now. It reads elements with the tour's own rules (accessible-name.ts, find-target.ts), so what the picker says
// a locator matches is what the tour will find.
//
// The choice, walking up from the picked element: the first element that carries a data-tour anchor, or the
// first named control, link or heading, whichever is nearer. So a click on a card inside the deals board gives
// `target: deals-board` (what a step would highlight), and a click on a named button inside an anchored form
// gives that button (the anchor is a whole region; the button is what was meant). Nothing generic (a div,
// plain text) is ever a locator, and never a CSS path.
import { accessibleName, roleOf } from "@/components/tour/accessible-name";
import { findAllTargets } from "@/components/tour/find-target";
import type { Locator } from "@/lib/studio/preview/locator";

/** Roles a step can point at by name: what a visitor does or reads as one thing. */
const namedRoles = new Set([
  "button",
  "link",
  "heading",
  "textbox",
  "searchbox",
  "combobox",
  "listbox",
  "checkbox",
  "radio",
  "slider",
  "spinbutton",
  "switch",
  "tab",
  "menuitem",
  "navigation",
  "region",
  "form",
  "table",
  "img",
]);

export function bestLocator(element: Element): Locator | undefined {
  for (let node: Element | null = element; node && node.localName !== "body"; node = node.parentElement) {
    const anchor = node.getAttribute("data-tour");
    if (anchor) return { target: anchor };
    const role = roleOf(node);
    if (namedRoles.has(role)) {
      const name = accessibleName(node);
      if (name) return { locate: { role, name } };
    }
  }
  return undefined;
}

/** How many visible elements the locator matches in `root` right now. */
export function countMatches(locator: Locator, root: ParentNode): number {
  return findAllTargets("target" in locator ? { target: locator.target } : { locate: locator.locate }, root).length;
}
