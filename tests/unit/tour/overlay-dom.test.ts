// @vitest-environment happy-dom
// The dim layer in a DOM: hidden from assistive technology, cut around its target, gone on cleanup.
import { afterEach, describe, expect, it } from "vitest";
import { showOverlay } from "@/components/tour/overlay";

afterEach(() => {
  document.body.innerHTML = "";
});

describe("showOverlay", () => {
  it("dims the whole page for a step without a target and removes itself on cleanup", () => {
    const stop = showOverlay(null);
    const layer = document.querySelector<HTMLElement>("[data-testid=tour-overlay]");
    expect(layer?.getAttribute("aria-hidden")).toBe("true");
    expect(layer?.querySelector("path")?.getAttribute("d")).toBe(`M0 0H${window.innerWidth}V${window.innerHeight}H0Z`);
    stop();
    expect(document.querySelector("[data-testid=tour-overlay]")).toBeNull();
  });

  it("cuts a hole around the target and redraws it when the page scrolls", async () => {
    const target = document.createElement("button");
    document.body.append(target);
    let box = { left: 100, top: 50, width: 200, height: 40 };
    target.getBoundingClientRect = () => DOMRect.fromRect({ x: box.left, y: box.top, width: box.width, height: box.height });
    const stop = showOverlay(target, { padding: 0, radius: 0 });
    const path = () => document.querySelector("[data-testid=tour-overlay] path")?.getAttribute("d") ?? "";
    expect(path()).toContain("M100 50H300");
    box = { left: 100, top: 80, width: 200, height: 40 };
    window.dispatchEvent(new Event("scroll"));
    expect(path()).toContain("M100 80H300");
    stop();
    expect(document.querySelectorAll("[data-testid=tour-overlay]")).toHaveLength(0);
  });
});
