// A workspace table that may scroll sideways: a labelled region the keyboard can reach and scroll.
import type { ReactNode } from "react";

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard (axe: scrollable-region-focusable).
    <section className="table-wrap card" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
