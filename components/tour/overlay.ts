// The dim layer behind the popover: one SVG path, the viewport minus a rounded hole around the target
// (evenodd). pointer-events stay off so the visitor can always use the product while the tour is open.
import { follow } from "./position";

const svgNamespace = "http://www.w3.org/2000/svg";

export interface OverlayOptions {
  /** Space between the target and the edge of the hole, in px. */
  padding?: number;
  radius?: number;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The viewport rectangle followed by a rounded rectangle; with evenodd the second one is cut out. */
export function overlayPath(viewport: { width: number; height: number }, hole: Box | null, radius: number): string {
  const outer = `M0 0H${viewport.width}V${viewport.height}H0Z`;
  if (!hole || hole.width <= 0 || hole.height <= 0) return outer;
  const r = Math.min(radius, hole.width / 2, hole.height / 2);
  const { x, y, width: w, height: h } = hole;
  return (
    `${outer}M${x + r} ${y}H${x + w - r}A${r} ${r} 0 0 1 ${x + w} ${y + r}V${y + h - r}` +
    `A${r} ${r} 0 0 1 ${x + w - r} ${y + h}H${x + r}A${r} ${r} 0 0 1 ${x} ${y + h - r}` +
    `V${y + r}A${r} ${r} 0 0 1 ${x + r} ${y}Z`
  );
}

/** Dims the page around target (or the whole page for a centered step). Returns the cleanup. */
export function showOverlay(target: Element | null, options: OverlayOptions = {}): () => void {
  const padding = options.padding ?? 6;
  const radius = options.radius ?? 8;
  const layer = document.createElement("div");
  layer.className = "tour-overlay";
  layer.setAttribute("aria-hidden", "true");
  layer.dataset.testid = "tour-overlay";
  const svg = document.createElementNS(svgNamespace, "svg");
  const path = document.createElementNS(svgNamespace, "path");
  path.setAttribute("fill-rule", "evenodd");
  svg.append(path);
  layer.append(svg);
  document.body.append(layer);

  const draw = () => {
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    svg.setAttribute("viewBox", `0 0 ${viewport.width} ${viewport.height}`);
    const rect = target?.getBoundingClientRect();
    const hole = rect
      ? {
          x: rect.left - padding,
          y: rect.top - padding,
          width: rect.width + 2 * padding,
          height: rect.height + 2 * padding,
        }
      : null;
    path.setAttribute("d", overlayPath(viewport, hole, radius));
  };

  // The same triggers as the popover's: scrolling ancestors, resizes, the target's size and the page's.
  const stopFollowing = follow(target ? [target] : [], draw);
  draw();
  return () => {
    stopFollowing();
    layer.remove();
  };
}
