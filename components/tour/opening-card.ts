// The tour's first card as the server renders it, before the browser has read the visitor's progress: only a
// welcome that stands beside nothing qualifies (a card beside a target needs the page laid out to be placed),
// and a returning visitor must never see it flash before their own step. Run on the server only (the product's
// layout), so none of it is in the tour's browser code.
import type { TourDemo, TourStep } from "@/lib/demos/demo-schema";
import { tourProgressName, tourStorageKey } from "./persistence";

/** The demo's first step when it is a plain modal card (Next only), else undefined: nothing is pre-rendered. */
export function openingCardStep(demo: Pick<TourDemo, "start" | "steps">): TourStep | undefined {
  const first = demo.steps.find((step) => step.id === demo.start);
  if (first?.kind !== "modal" || first.target || first.locate) return undefined;
  if (first.waitFor || first.navigate || first.options || first.cta) return undefined;
  return first;
}

/**
 * An inline script, run by the browser while it parses the page (before the card paints): when this sandbox
 * already holds progress for the demo, it marks the document so tour.css hides the card. The key is written as
 * a JSON string, and `<` escaped, so nothing in it can end the script element.
 */
export function resumingScript(sandboxId: string, demo: Pick<TourDemo, "slug" | "persona">): string {
  const key = JSON.stringify(tourStorageKey(sandboxId, tourProgressName(demo))).replace(/</g, "\\u003c");
  return `try{if(localStorage.getItem(${key}))document.documentElement.dataset.tourResuming=""}catch(e){}`;
}

/** The inline script for the server-rendered welcome card, or undefined when the demo's first step is not one. */
export function openingScript(sandboxId: string, demo: Pick<TourDemo, "slug" | "persona" | "start" | "steps">): string | undefined {
  return openingCardStep(demo) ? resumingScript(sandboxId, demo) : undefined;
}
