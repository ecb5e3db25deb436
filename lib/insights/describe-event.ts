// Turns a stored event into the sentence a rep reads in a journey. Demo and step titles come from the demo file
// when the caller has them (`names`), so a choice reads "answered ‘What do you review first?’ → Forecast" and an
// opening "Opened the Pipeline basics demo", not its slug.
import "server-only";
import type { EventRow } from "@/db/control/schema";
import { describeAction } from "./describe-action";

type Described = Pick<EventRow, "type" | "stepId" | "stepIndex" | "action" | "demoSlug" | "props">;

const prop = (event: Described, name: string): string | undefined => {
  const value = event.props?.[name];
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
};

/** Titles as the demo files give them; undefined for a demo or step no longer registered (its id is shown). */
export type DemoNames = {
  demo(slug: string): string | undefined;
  step(demo: string, stepId: string): string | undefined;
};

export function describeEvent(event: Described, names?: DemoNames): string {
  const step = event.stepId ? `“${event.stepId}”${event.stepIndex !== null ? ` (step ${event.stepIndex + 1})` : ""}` : "";
  switch (event.type) {
    case "demo.viewed":
      return `Opened the ${event.demoSlug ? (names?.demo(event.demoSlug) ?? event.demoSlug) : ""} demo`.replace("  ", " ");
    case "tour.started":
      return "Started the tour";
    case "step.viewed":
      return `Viewed tour step ${step}`;
    case "step.completed":
      return `Completed tour step ${step}`;
    case "tour.finished":
      return "Finished the tour";
    case "tour.closed":
      return `Left the tour${step ? ` at ${step}` : ""}`;
    case "sandbox.action":
      return `In the product: ${describeAction(event.action, event.props ?? {})}`;
    case "handraise":
      return "Raised a hand: asked to talk to a human";
    case "tour.choice": {
      const question = event.demoSlug && event.stepId ? names?.step(event.demoSlug, event.stepId) : undefined;
      const answer = prop(event, "label") ?? prop(event, "option") ?? "an option";
      return question ? `Answered ‘${question}’ → ${answer}` : `Answered a question → ${answer}`;
    }
    case "tour.navigated":
      return `The tour took them to ${prop(event, "route") ?? "another page"}`;
    case "cta.clicked":
      return `Followed the call to action${prop(event, "url") ? ` to ${prop(event, "url")}` : ""}`;
    case "suggestion.opened":
      return `Opened the team's suggestion: ${prop(event, "label") ?? "a page"}`;
    case "step.target_missing":
      return `Tour step ${step || "?"} could not find its target${prop(event, "viewport") ? ` (${prop(event, "viewport")})` : ""}`;
    default:
      return event.type;
  }
}
