// @vitest-environment happy-dom
// The dim layer in a DOM: hidden from assistive technology, a hole around its target that follows it, gone on cleanup.
import { afterEach, describe, expect, it } from "vitest";
import { showOverlay } from "@/components/tour/overlay";

afterEach(() => {
  document.body.innerHTML = "";
});

const layer = () => document.querySelector<HTMLElement>("[data-testid=tour-overlay]");

describe("showOverlay", () => {
  it("dims the whole page for a step without a target and removes itself on cleanup", () => {
    const stop = showOverlay(null);
    expect(layer()?.getAttribute("aria-hidden")).toBe("true");
    // No hole: the stylesheet's inset: 0 covers the viewport, whatever its size.
    expect(layer()?.hasAttribute("data-hole")).toBe(false);
    expect(layer()?.style.cssText).toBe("");
    stop();
    expect(layer()).toBeNull();
  });

  it("puts the hole around the target with its padding and moves it when the page scrolls", () => {
    const target = document.createElement("button");
    document.body.append(target);
    let box = { x: 100, y: 50, width: 200, height: 40 };
    target.getBoundingClientRect = () => DOMRect.fromRect(box);
    const stop = showOverlay(target, 6);
    const hole = () => {
      const style = layer()?.style;
      return [style?.left, style?.top, style?.width, style?.height];
    };
    expect(layer()?.hasAttribute("data-hole")).toBe(true);
    expect(hole()).toEqual(["94px", "44px", "212px", "52px"]);
    box = { x: 100, y: 80, width: 200, height: 40 };
    window.dispatchEvent(new Event("scroll"));
    expect(hole()).toEqual(["94px", "74px", "212px", "52px"]);
    stop();
    expect(document.querySelectorAll("[data-testid=tour-overlay]")).toHaveLength(0);
    // Cleaned up means no listener left to move a removed layer.
    window.dispatchEvent(new Event("scroll"));
  });
});
