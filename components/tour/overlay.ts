// The dim layer behind the popover. For a target, one box over the target (plus padding) whose enormous
// box-shadow dims everything else: the hole's rounded corners are CSS, so there is nothing to draw but four
// numbers on a scroll or resize. For a step without a target, the same layer dims the whole viewport.
// pointer-events stay off so the visitor can always use the product while the tour is open.
import { follow } from "./position";

/** Dims the page around target (or the whole page for a centered step). Returns the cleanup. */
export function showOverlay(target: Element | null, padding = 6): () => void {
  const layer = document.createElement("div");
  layer.className = "tour-overlay";
  layer.setAttribute("aria-hidden", "true");
  layer.dataset.testid = "tour-overlay";
  document.body.append(layer);
  // A whole-viewport dim is CSS alone (inset: 0), so only a hole follows anything.
  let stopFollowing: (() => void) | undefined;
  if (target) {
    const draw = () => {
      const box = target.getBoundingClientRect();
      layer.style.cssText = `left:${box.left - padding}px;top:${box.top - padding}px;width:${box.width + 2 * padding}px;height:${box.height + 2 * padding}px`;
    };
    layer.dataset.hole = "";
    stopFollowing = follow([target], draw);
    draw();
  }
  return () => {
    stopFollowing?.();
    layer.remove();
  };
}
