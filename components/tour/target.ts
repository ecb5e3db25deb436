// Finds a step's data-tour anchor, including one that renders late (data loading, client navigation)
// or is replaced while the step is open. Reports every change so the popover never points at a detached node.

/** Long enough for a client navigation and a data fetch, short enough that a wrong anchor is noticed. */
export const targetWaitMs = 3000;

export function tourTargetSelector(anchor: string): string {
  return `[data-tour="${CSS.escape(anchor)}"]`;
}

/**
 * Calls onChange(element) when the anchor is (re)found and onChange(null) when it is lost or still
 * missing after waitMs. Keeps watching after giving up: a target that shows up late (a dialog, a slow
 * fetch) still gets its popover. The callback only runs a querySelector when the current target is gone.
 */
export function watchTourTarget(anchor: string, onChange: (target: HTMLElement | null) => void, waitMs: number = targetWaitMs): () => void {
  const selector = tourTargetSelector(anchor);
  let current: HTMLElement | null = null;
  let giveUpTimer: ReturnType<typeof setTimeout> | undefined;

  const observer = new MutationObserver(() => check());

  const startWaiting = () => {
    if (giveUpTimer !== undefined) return;
    giveUpTimer = setTimeout(() => onChange(null), waitMs);
  };

  function check(): void {
    if (current?.isConnected && current.matches(selector)) return;
    const found = document.querySelector<HTMLElement>(selector);
    if (found) {
      clearTimeout(giveUpTimer);
      giveUpTimer = undefined;
      current = found;
      onChange(found);
      return;
    }
    if (current) {
      // Lost after being shown: fall back at once rather than float over an empty spot.
      current = null;
      onChange(null);
    }
    startWaiting();
  }

  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-tour"] });
  check();
  return () => {
    observer.disconnect();
    clearTimeout(giveUpTimer);
  };
}

function prefersReducedMotion(): boolean {
  return window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/** Brings the target to the middle of the viewport unless it is already fully visible. */
export function revealTarget(target: Element): void {
  const rect = target.getBoundingClientRect();
  const visible = rect.top >= 0 && rect.left >= 0 && rect.bottom <= window.innerHeight && rect.right <= window.innerWidth;
  if (visible) return;
  target.scrollIntoView({ block: "center", inline: "nearest", behavior: prefersReducedMotion() ? "auto" : "smooth" });
}
