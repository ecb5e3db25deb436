// Turns the engine's signals into usage events for the signals pipeline, named by demo and step id.

import { track } from "@/components/signals/tracker";
import type { TourDemo } from "@/lib/demos/demo-schema";
import type { TourSignal } from "./engine";

export function sendTourSignal(demo: TourDemo, signal: TourSignal): void {
  const props: Record<string, boolean> = {};
  if (signal.skipped) props.skipped = true;
  if (signal.restarted) props.restarted = true;
  track({
    type: signal.type,
    demo: demo.slug,
    step: demo.steps[signal.stepIndex]?.id,
    stepIndex: signal.stepIndex,
    action: signal.action,
    props: Object.keys(props).length > 0 ? props : undefined,
  });
}
