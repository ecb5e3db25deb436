// The usage signal for a step whose target never showed: which demo and step, and on what kind of screen,
// so a marketer learns that an anchor is gone or hidden on phones. Sent like the engine's signals (signals.ts).
import { track } from "@/components/signals/tracker";
import { isSmallScreen } from "./bottom-sheet";

export function reportTargetMissing(demo: string, step: string | undefined, stepIndex: number): void {
  track({ type: "step.target_missing", demo, step, stepIndex, props: { viewport: isSmallScreen() ? "mobile" : "desktop" } });
}
