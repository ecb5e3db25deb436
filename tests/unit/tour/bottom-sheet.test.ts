// The bottom sheet's one geometric rule: the target ends up between the top of the screen and the sheet.
import { describe, expect, it } from "vitest";
import { sheetScrollDelta } from "@/components/tour/bottom-sheet";

// A 360×640 phone with a 280 px sheet: the room above it runs from 12 to 348 (12 px margins).
const sheetTop = 360;

describe("sheetScrollDelta", () => {
  it("leaves a target alone that already sits above the sheet", () => {
    expect(sheetScrollDelta({ top: 40, bottom: 120 }, sheetTop)).toBe(0);
    expect(sheetScrollDelta({ top: 12, bottom: 348 }, sheetTop)).toBe(0);
  });

  it("scrolls a target in the lower part (under the sheet) up until it sits above it", () => {
    const delta = sheetScrollDelta({ top: 400, bottom: 440 }, sheetTop);
    expect(delta).toBe(92);
    expect(440 - delta).toBe(348);
  });

  it("scrolls a target below the screen or above it into the room", () => {
    expect(sheetScrollDelta({ top: 1200, bottom: 1240 }, sheetTop)).toBe(892);
    expect(sheetScrollDelta({ top: -300, bottom: -260 }, sheetTop)).toBe(-312);
  });

  it("aligns a target taller than the room at its top", () => {
    expect(sheetScrollDelta({ top: 500, bottom: 1400 }, sheetTop)).toBe(488);
    expect(sheetScrollDelta({ top: -50, bottom: 800 }, sheetTop)).toBe(-62);
  });

  it("never lets the target's bottom reach under the sheet after scrolling", () => {
    for (let top = -800; top <= 1600; top += 37) {
      for (const height of [24, 100, 300]) {
        const delta = sheetScrollDelta({ top, bottom: top + height }, sheetTop);
        expect(top - delta).toBeGreaterThanOrEqual(12);
        expect(top + height - delta).toBeLessThanOrEqual(348);
      }
    }
  });
});
