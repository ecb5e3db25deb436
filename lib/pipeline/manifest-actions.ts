// The manifest's actions (manifest.ts): what a visitor can really do in the product, recorded by the server when
// the write commits, with the fields its detail carries. A module of its own because the tour's browser code
// needs the action kinds and nothing else of the manifest (its routes and anchors stay on the pages that use them).
import { loggableActivityKinds, stages } from "./vocabulary";

/** A detail field's kind: free text, a number, or one of a fixed list of words. */
export type DetailField = "text" | "number" | readonly string[];

export const pipelineActions = {
  "deal.created": { detail: { deal: "text", amount: "number", stage: stages } },
  "deal.stage_changed": { detail: { deal: "text", from: stages, to: stages } },
  "deal.viewed": { detail: {} },
  "activity.logged": { detail: { deal: "text", kind: loggableActivityKinds } },
  "contacts.imported": { detail: { count: "number" } },
} as const satisfies Record<string, { detail: Record<string, DetailField> }>;

export type PipelineActionKind = keyof typeof pipelineActions;

export const pipelineActionKinds = Object.keys(pipelineActions) as [PipelineActionKind, ...PipelineActionKind[]];
