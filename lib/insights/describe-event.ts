// Turns a stored event into the sentence a rep reads in a journey.
import "server-only";
import type { EventRow } from "@/db/control/schema";
import type { SandboxActionKind } from "@/lib/signals/signal-types";

const actionWords: Record<SandboxActionKind, string> = {
  "deal.created": "created a deal",
  "deal.stage_changed": "moved a deal to another stage",
  "deal.viewed": "opened a deal",
  "contacts.imported": "imported contacts from a CSV file",
};

export function describeEvent(event: Pick<EventRow, "type" | "stepId" | "stepIndex" | "action" | "demoSlug">): string {
  const step = event.stepId ? `“${event.stepId}”${event.stepIndex !== null ? ` (step ${event.stepIndex + 1})` : ""}` : "";
  switch (event.type) {
    case "demo.viewed":
      return `Opened the ${event.demoSlug ?? ""} demo`.replace("  ", " ");
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
      return `In the product: ${(event.action && actionWords[event.action as SandboxActionKind]) || event.action || "did something"}`;
    case "handraise":
      return "Raised a hand: asked to talk to a human";
    default:
      return event.type;
  }
}
