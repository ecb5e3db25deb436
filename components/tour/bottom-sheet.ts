// On a phone the step card is a bottom sheet: full width, at the bottom, and the page scrolls so that the
// target sits in the room above it. Nothing of the target is ever under the sheet.
import { scrollBehavior } from "./target";

/** At this width and below the popover is a bottom sheet (and signals call the viewport "mobile"). */
export const smallScreenQuery = "(max-width: 480px)";

export function isSmallScreen(): boolean {
  return window.matchMedia(smallScreenQuery).matches;
}

/** Space kept between the target and the viewport's top or the sheet's edge, in px. */
const marginPx = 12;

/**
 * How far to scroll the page (positive: down) so that the target's box lies between the top of the viewport
 * and the top of the sheet. A target taller than that room is aligned at its top, where it starts.
 */
export function sheetScrollDelta(target: { top: number; bottom: number }, sheetTop: number, margin: number = marginPx): number {
  const roomTop = margin;
  const roomBottom = sheetTop - margin;
  if (target.bottom - target.top > roomBottom - roomTop) return target.top - roomTop;
  if (target.top < roomTop) return target.top - roomTop;
  if (target.bottom > roomBottom) return target.bottom - roomBottom;
  return 0;
}

/**
 * While the sheet is up, the page gets room at its end as tall as the sheet, so every part of it can scroll
 * above the sheet: the step's target, or — while a step waits for the visitor to act and its target is not on
 * the page yet — the form they have to fill in. Without it, a control near the page's end stays under the sheet.
 */
export function reserveSheetRoom(sheet: HTMLElement): () => void {
  const root = document.documentElement;
  root.classList.add("tour-sheet-open");
  const measure = () => root.style.setProperty("--tour-sheet-room", `${window.innerHeight - sheet.getBoundingClientRect().top}px`);
  // Also fires once at the start; again whenever the sheet changes height (another step's text).
  const resized = new ResizeObserver(measure);
  resized.observe(sheet);
  return () => {
    resized.disconnect();
    root.classList.remove("tour-sheet-open");
    root.style.removeProperty("--tour-sheet-room");
  };
}

/** Scrolls target above the sheet, and again whenever the sheet changes height (another step's text). */
export function keepAboveSheet(target: Element, sheet: HTMLElement): () => void {
  const releaseRoom = reserveSheetRoom(sheet);
  const place = () => {
    const sheetTop = sheet.getBoundingClientRect().top;
    // Inner scroll containers (a wide board, a table) first; the page itself is adjusted below.
    target.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "instant" });
    const delta = sheetScrollDelta(target.getBoundingClientRect(), sheetTop);
    // An absolute destination, so a second call during a smooth scroll aims at the same spot.
    if (delta !== 0) window.scrollTo({ top: window.scrollY + delta, behavior: scrollBehavior() });
  };
  const resized = new ResizeObserver(place);
  resized.observe(sheet);
  return () => {
    resized.disconnect();
    releaseRoom();
  };
}
