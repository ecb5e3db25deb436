// Keeps the popover beside its target with floating-ui's positioning (placement, offset, flip, shift), or in a
// fixed spot when there is none. The fixed spots are CSS (data-mode on the popover), so resizes need no listener.
// @floating-ui/core with a viewport-only platform rather than @floating-ui/dom: the card is position: fixed
// over the viewport, so three measurements do what the DOM platform's 4 kB gzip (offset parents, clipping
// ancestors, transforms) would, and the tour stays inside its size budget (BENCHMARKS.md, `npm run bench:tour`).
import { computePosition, flip, offset, type Placement, type Platform, type Rect, shift } from "@floating-ui/core";

/**
 * anchored: next to the target · centered: middle of the viewport · docked: bottom-right, out of the way ·
 * sheet: full width at the bottom of a small screen (bottom-sheet.ts keeps the target above it).
 */
export type PopoverMode = "anchored" | "centered" | "docked" | "sheet";

export type AnchoredSide = Exclude<Placement, `${string}-${string}`>;

const gapPx = 12;
const viewportMarginPx = 8;

const size = (element: HTMLElement) => ({ width: element.offsetWidth, height: element.offsetHeight });

/** Everything in viewport coordinates: the target's box, the card's size, the viewport as the clipping area. */
export const viewportPlatform: Platform = {
  getElementRects: ({ reference, floating }) => {
    const box = (reference as Element).getBoundingClientRect();
    return { reference: { x: box.left, y: box.top, width: box.width, height: box.height }, floating: { x: 0, y: 0, ...size(floating) } };
  },
  getDimensions: size,
  getClippingRect: (): Rect => {
    const root = document.documentElement;
    return { x: 0, y: 0, width: root.clientWidth, height: root.clientHeight };
  },
};

/**
 * Calls update now and whenever the target or the card may have moved: any scroll (capturing, so scrolling
 * ancestors count), a resize, a size change of either or of the page (content added above the target).
 */
export function follow(elements: Element[], update: () => void): () => void {
  const resized = new ResizeObserver(() => update());
  for (const element of [...elements, document.body]) resized.observe(element);
  window.addEventListener("scroll", update, { capture: true, passive: true });
  window.addEventListener("resize", update);
  return () => {
    resized.disconnect();
    window.removeEventListener("scroll", update, true);
    window.removeEventListener("resize", update);
  };
}

/**
 * Places popover next to target and follows it (scroll, resize, layout shifts) until the returned
 * cleanup runs; the cleanup also removes the inline coordinates so CSS modes apply again.
 * No arrow: the highlight's cut-out already ties card and target together, and floating-ui's arrow
 * middleware is 0.35 kB gzip of a 10 kB budget.
 */
export function anchorPopover(target: Element, popover: HTMLElement, side: AnchoredSide): () => void {
  let live = true;
  const middleware = [
    offset(gapPx),
    flip({ padding: viewportMarginPx }),
    // crossAxis: a target taller or wider than the room around it (a whole board) gets overlapped at
    // its edge rather than the popover leaving the viewport.
    shift({ padding: viewportMarginPx, crossAxis: true }),
  ];

  const update = async () => {
    const position = await computePosition(target, popover, { strategy: "fixed", placement: side, middleware, platform: viewportPlatform });
    // A computation started before cleanup must not write into a popover that moved on.
    if (!live) return;
    popover.style.left = `${position.x}px`;
    popover.style.top = `${position.y}px`;
    popover.dataset.side = position.placement;
  };

  const stop = follow([target, popover], () => void update());
  return () => {
    live = false;
    stop();
    popover.style.removeProperty("left");
    popover.style.removeProperty("top");
    delete popover.dataset.side;
  };
}
