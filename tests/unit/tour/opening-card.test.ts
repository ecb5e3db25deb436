// Which first step the server may render before the browser has read the visitor's progress, and the inline
// script that hides it for a returning visitor: a plain welcome only, and a key that cannot end the script.
import { describe, expect, it } from "vitest";
import { openingCardStep, resumingScript } from "@/components/tour/opening-card";
import { tourStorageKey } from "@/components/tour/persistence";
import type { TourStep } from "@/lib/demos/demo-schema";

const welcome: TourStep = {
  id: "welcome",
  kind: "modal",
  title: "Hi",
  bodyHtml: "",
  placement: "center",
  next: "two",
  stepsLeft: 1,
  nextLabel: "Next",
};
const tour = (first: Partial<TourStep>) => ({ start: "welcome", steps: [{ ...welcome, ...first }] });

describe("the opening card", () => {
  it("is the first step when it is a plain modal card", () => {
    expect(openingCardStep(tour({}))?.id).toBe("welcome");
  });

  it("is nothing when the first step needs the page or the visitor (a target, a wait, a choice, a CTA, a page)", () => {
    expect(openingCardStep(tour({ kind: "popover", target: "deal-card" as TourStep["target"] }))).toBeUndefined();
    expect(openingCardStep(tour({ locate: { role: "button", name: "New deal" } }))).toBeUndefined();
    expect(openingCardStep(tour({ waitFor: { action: "deal.created" } as TourStep["waitFor"] }))).toBeUndefined();
    expect(openingCardStep(tour({ kind: "choice", options: [] }))).toBeUndefined();
    expect(openingCardStep(tour({ kind: "cta", cta: { label: "Talk", url: "mailto:x" } }))).toBeUndefined();
    expect(openingCardStep({ start: "missing", steps: [welcome] })).toBeUndefined();
  });

  it("is hidden by a script that reads this sandbox's progress for the demo, and no key can close the script", () => {
    const script = resumingScript("abc", { slug: "pipeline-basics", persona: "leader" });
    expect(script).toContain(JSON.stringify(tourStorageKey("abc", "pipeline-basics:leader")));
    const hostile = resumingScript("</script><script>alert(1)</script>", { slug: "x" });
    expect(hostile).not.toContain("</script>");
    expect(hostile).toContain("\\u003c/script>");
  });
});
