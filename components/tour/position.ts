// Keeps the popover beside its target with @floating-ui/dom, or in a fixed spot when there is none.
// The fixed spots are CSS (data-mode on the popover) so they survive resizes without any listener.
import { arrow, autoUpdate, computePosition, flip, offset, type Placement, shift } from "@floating-ui/dom";

/** anchored: next to the target · centered: middle of the viewport · docked: bottom-right, out of the way. */
export type PopoverMode = "anchored" | "centered" | "docked";

export type AnchoredSide = Exclude<Placement, `${string}-${string}`>;

const gapPx = 12;
const viewportMarginPx = 8;

const oppositeSide: Record<AnchoredSide, AnchoredSide> = { top: "bottom", bottom: "top", left: "right", right: "left" };

/**
 * Places popover next to target and follows it (scroll, resize, layout shifts) until the returned
 * cleanup runs; the cleanup also removes the inline coordinates so CSS modes apply again.
 */
export function anchorPopover(target: Element, popover: HTMLElement, arrowElement: HTMLElement | null, side: AnchoredSide): () => void {
  let live = true;
  const middleware = [
    offset(gapPx),
    flip({ padding: viewportMarginPx }),
    // crossAxis: a target taller or wider than the room around it (a whole board) gets overlapped at
    // its edge rather than the popover leaving the viewport.
    shift({ padding: viewportMarginPx, crossAxis: true }),
    ...(arrowElement ? [arrow({ element: arrowElement, padding: 12 })] : []),
  ];

  const update = async () => {
    const position = await computePosition(target, popover, { strategy: "fixed", placement: side, middleware });
    // A computation started before cleanup must not write into a popover that moved on.
    if (!live) return;
    popover.style.left = `${position.x}px`;
    popover.style.top = `${position.y}px`;
    const finalSide = position.placement.split("-")[0] as AnchoredSide;
    popover.dataset.side = finalSide;
    const arrowData = position.middlewareData.arrow;
    if (arrowElement && arrowData) {
      arrowElement.style.left = arrowData.x === undefined ? "" : `${arrowData.x}px`;
      arrowElement.style.top = arrowData.y === undefined ? "" : `${arrowData.y}px`;
      arrowElement.dataset.side = oppositeSide[finalSide];
    }
  };

  const stop = autoUpdate(target, popover, () => void update());
  return () => {
    live = false;
    stop();
    popover.style.removeProperty("left");
    popover.style.removeProperty("top");
    delete popover.dataset.side;
    arrowElement?.style.removeProperty("left");
    arrowElement?.style.removeProperty("top");
  };
}
