// @vitest-environment happy-dom
// step.target_missing says on which kind of screen the target was missing: the sheet's breakpoint decides.
import { afterEach, describe, expect, it, vi } from "vitest";
import { track } from "@/components/signals/tracker";
import { reportTargetMissing } from "@/components/tour/target-signals";

vi.mock("@/components/signals/tracker", () => ({ track: vi.fn() }));

type HappyWindow = Window & { happyDOM: { setViewport(size: { width: number; height: number }): void } };
const setViewport = (width: number, height: number) => (window as unknown as HappyWindow).happyDOM.setViewport({ width, height });

afterEach(() => {
  vi.mocked(track).mockClear();
});

describe("reportTargetMissing", () => {
  it("names the demo and step, and calls a phone-sized viewport mobile", () => {
    setViewport(360, 640);
    reportTargetMissing("pipeline-basics", "board", 1);
    setViewport(480, 800);
    reportTargetMissing("pipeline-basics", "board", 1);
    setViewport(1280, 800);
    reportTargetMissing("pipeline-basics", "total", 2);
    expect(vi.mocked(track).mock.calls.map(([input]) => input)).toEqual([
      { type: "step.target_missing", demo: "pipeline-basics", step: "board", stepIndex: 1, props: { viewport: "mobile" } },
      { type: "step.target_missing", demo: "pipeline-basics", step: "board", stepIndex: 1, props: { viewport: "mobile" } },
      { type: "step.target_missing", demo: "pipeline-basics", step: "total", stepIndex: 2, props: { viewport: "desktop" } },
    ]);
  });
});
