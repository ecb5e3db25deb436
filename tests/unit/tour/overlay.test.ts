import { describe, expect, it } from "vitest";
import { overlayPath } from "@/components/tour/overlay";

describe("overlay cut-out", () => {
  const viewport = { width: 800, height: 600 };

  it("dims the whole viewport when there is nothing to highlight", () => {
    expect(overlayPath(viewport, null, 8)).toBe("M0 0H800V600H0Z");
    expect(overlayPath(viewport, { x: 10, y: 10, width: 0, height: 20 }, 8)).toBe("M0 0H800V600H0Z");
  });

  it("cuts one rounded hole around the target in the same path", () => {
    const d = overlayPath(viewport, { x: 100, y: 50, width: 200, height: 40 }, 8);
    expect(d.startsWith("M0 0H800V600H0Z")).toBe(true);
    expect(d).toContain("M108 50H292A8 8 0 0 1 300 58V82");
    expect(d.match(/A/g)).toHaveLength(4);
    expect(d.endsWith("Z")).toBe(true);
  });

  it("never rounds more than half of a small target", () => {
    const d = overlayPath(viewport, { x: 0, y: 0, width: 10, height: 6 }, 8);
    expect(d).toContain("A3 3 0 0 1");
  });
});
