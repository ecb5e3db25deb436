// What a visitor must be able to see of a step's target: there, visible, inside the viewport, not covered by
// another element (what the browser would hit at its centre), and not hidden under the step's own popover.
import "server-only";
import type { Locator, Page } from "playwright";

/** The problem with a target as a marketer reads it, or undefined when the visitor can see it. */
export type TargetProblem = { expected: string; found: string };

/** How long a target may take to appear: the tour itself waits for late elements as long. */
const appearMs = 5_000;

type Seen = { ok: true } | { ok: false; why: "hidden" | "outside" | "covered" | "under-popover"; detail: string };

/** Runs in the page: the geometry and the hit test, in one round trip. */
function inspect(element: Element, popover: Element | null): Seen {
  const label = (node: Element) => {
    const tour = node.getAttribute("data-tour");
    const classes = [...node.classList].slice(0, 2).join(".");
    return `<${node.tagName.toLowerCase()}${tour ? ` data-tour="${tour}"` : ""}${classes ? ` class="${classes.replace(".", " ")}"` : ""}>`;
  };
  const box = element.getBoundingClientRect();
  const visible =
    box.width > 0 &&
    box.height > 0 &&
    element.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true });
  if (!visible) {
    const style = getComputedStyle(element);
    return {
      ok: false,
      why: "hidden",
      detail: `display: ${style.display}, visibility: ${style.visibility}, opacity: ${style.opacity}, ${Math.round(box.width)}×${Math.round(box.height)} px`,
    };
  }
  const width = window.innerWidth;
  const height = window.innerHeight;
  // A target that fits the viewport must be wholly inside it; a larger one must fill at least half of it.
  const axisOk = (start: number, size: number, room: number) =>
    size <= room ? start >= -1 && start + size <= room + 1 : Math.min(start + size, room) - Math.max(start, 0) >= room / 2;
  if (!axisOk(box.left, box.width, width) || !axisOk(box.top, box.height, height)) {
    return {
      ok: false,
      why: "outside",
      detail: `at x ${Math.round(box.left)}, y ${Math.round(box.top)}, ${Math.round(box.width)}×${Math.round(box.height)} px in a ${width}×${height} viewport`,
    };
  }
  const left = Math.max(box.left, 0);
  const top = Math.max(box.top, 0);
  const right = Math.min(box.right, width);
  const bottom = Math.min(box.bottom, height);
  const area = (right - left) * (bottom - top);
  if (popover) {
    const card = popover.getBoundingClientRect();
    const overlap =
      Math.max(0, Math.min(right, card.right) - Math.max(left, card.left)) *
      Math.max(0, Math.min(bottom, card.bottom) - Math.max(top, card.top));
    if (overlap > area / 2)
      return { ok: false, why: "under-popover", detail: `${Math.round((overlap / area) * 100)}% of it is under the step's popover` };
  }
  const x = (left + right) / 2;
  const y = (top + bottom) / 2;
  const hit = document.elementFromPoint(x, y);
  if (hit && (hit === element || element.contains(hit))) return { ok: true };
  if (hit && popover?.contains(hit)) return { ok: false, why: "under-popover", detail: "the step's popover is over its centre" };
  return {
    ok: false,
    why: "covered",
    detail: hit ? `${label(hit)} is over its centre (${Math.round(x)}, ${Math.round(y)})` : "nothing is hit at its centre",
  };
}

/** Checks the target of the step on screen; `what` names it for the report ("the anchor deals-board"). */
export async function checkTarget(page: Page, target: Locator, what: string): Promise<TargetProblem | undefined> {
  const expected = `${what} present, visible, inside the viewport and not covered`;
  try {
    await target.first().waitFor({ state: "attached", timeout: appearMs });
  } catch {
    return { expected, found: `no such element on ${new URL(page.url()).pathname} after ${appearMs / 1000} s` };
  }
  const popover = await page.getByTestId("tour-popover").elementHandle();
  // Scrolling is the tour's job (it brings the target into view): give it a moment to settle, as a visitor would.
  let seen: Seen = { ok: true };
  for (let attempt = 0; attempt < 10; attempt++) {
    seen = await target.first().evaluate(inspect, popover);
    if (seen.ok) break;
    await page.waitForTimeout(150);
  }
  await popover?.dispose();
  if (seen.ok) return undefined;
  const verdict = {
    hidden: "there but not visible",
    outside: "outside the viewport",
    covered: "covered",
    "under-popover": "hidden by the step's popover",
  }[seen.why];
  return { expected, found: `${verdict}: ${seen.detail}` };
}
