// The names a usage signal can carry, as plain lists with no zod, so browser code can use them without
// downloading a validator; lib/signals/event-schema.ts builds its enums from these.
import { type PipelineActionKind, pipelineActionKinds } from "@/lib/pipeline/manifest-actions";

export const signalTypes = [
  "demo.viewed",
  "tour.started",
  "step.viewed",
  "step.completed",
  "tour.finished",
  "tour.closed",
  "sandbox.action",
  "handraise",
  /** The visitor answered a choice step; props.option names the path they took. */
  "tour.choice",
  /** A navigate step took the visitor to another product route; props.route names it. */
  "tour.navigated",
  /** The visitor followed a demo's call to action; props.url is where it leads. */
  "cta.clicked",
  /** A step's target did not appear before its timeout; props.viewport is "mobile" or "desktop". */
  "step.target_missing",
  /** The prospect chose "Show me" on a rep's suggestion (props.kind, target, label); recorded by the server. */
  "suggestion.opened",
] as const;

/** Events only a person acting on the page produces; an automated browser without any is treated as a bot. */
export const interactionTypes = [
  "step.completed",
  "tour.closed",
  "tour.finished",
  "sandbox.action",
  "handraise",
  "tour.choice",
  "cta.clicked",
  "suggestion.opened",
] as const;

/**
 * Things a visitor can really do in the sandbox; a tour step may wait for one, a signal may report one. The
 * product's manifest lists them, so a team demoing its own product brings its own actions.
 */
export const sandboxActionKinds: readonly [PipelineActionKind, ...PipelineActionKind[]] = pipelineActionKinds;

export type SignalType = (typeof signalTypes)[number];
export type InteractionType = (typeof interactionTypes)[number];
export type SandboxActionKind = PipelineActionKind;
