// The stages of a demo's funnel, in order: opened → tour started → each step seen → finished → CTA / hand-raise,
// plus what the new tour signals add beside it: answers to choice steps, tour navigations and missing targets.
// A stage key is what funnel_marks and funnel_counts store; each visitor counts once per stage.
import { slugPattern } from "@/lib/demos/slug";

export const fixedStages = {
  viewed: "viewed",
  started: "started",
  finished: "finished",
  cta: "cta",
  handraise: "handraise",
  navigated: "navigated",
} as const;

export const stepStage = (stepId: string) => `step:${stepId}`;
export const choiceStage = (stepId: string, option: string) => `choice:${stepId}:${option}`;
export const missingStage = (stepId: string) => `missing:${stepId}`;

/** The funnel stage an event marks, if any. `option` is a choice event's props.option (a path name). */
export function funnelStageOf(type: string, stepId: string | null, option?: unknown): string | undefined {
  switch (type) {
    case "demo.viewed":
      return fixedStages.viewed;
    case "tour.started":
      return fixedStages.started;
    case "step.viewed":
      return stepId ? stepStage(stepId) : undefined;
    case "tour.finished":
      return fixedStages.finished;
    case "cta.clicked":
      return fixedStages.cta;
    case "handraise":
      return fixedStages.handraise;
    case "tour.navigated":
      return fixedStages.navigated;
    case "step.target_missing":
      return stepId ? missingStage(stepId) : undefined;
    case "tour.choice":
      // Path names are slugs in the demo file; anything else is not a path and would only grow the table.
      return stepId && typeof option === "string" && slugPattern.test(option) ? choiceStage(stepId, option) : undefined;
    default:
      return undefined;
  }
}
