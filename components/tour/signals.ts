// Turns the engine's signals into usage events for the signals pipeline, named by demo and step id.
import { track } from "@/components/signals/tracker";
import type { TourDemo } from "@/lib/demos/demo-schema";
import type { TourSignal } from "./engine";

/** The signals API keeps a prop value to 200 characters; a long CTA address is cut rather than refused. */
const maxPropLength = 200;

export function sendTourSignal(demo: Pick<TourDemo, "slug" | "locale">, signal: TourSignal): void {
  // The locale the tour is shown in, so reps' funnels split by it (lib/insights/fold.ts reads props.locale).
  const props: Record<string, string | boolean> = { locale: demo.locale };
  if (signal.skipped) props.skipped = true;
  if (signal.restarted) props.restarted = true;
  for (const [name, value] of Object.entries(signal.props ?? {})) props[name] = value.slice(0, maxPropLength);
  track({
    type: signal.type,
    demo: demo.slug,
    step: signal.stepId,
    stepIndex: Math.min(signal.position, 100),
    action: signal.action,
    props,
  });
}
