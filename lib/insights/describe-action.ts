// The sentence a rep reads for something a visitor did in their sandbox. Which actions exist, and the detail
// each carries, come from the product's manifest (lib/pipeline/manifest.ts); the wording from the product's own
// sentences beside it (lib/pipeline/action-sentences.ts). A detail field that does not match the manifest
// (an old event, a renamed field) is left out rather than shown, so a sentence never prints a stray value.
import "server-only";
import { actionSentences } from "@/lib/pipeline/action-sentences";
import { type DetailField, type PipelineActionKind, pipelineManifest } from "@/lib/pipeline/manifest";

export { compactMoney } from "@/lib/pipeline/action-sentences";

type Detail = Record<string, unknown>;

function fits(field: DetailField, value: unknown): value is string | number {
  if (field === "number") return typeof value === "number" && Number.isFinite(value);
  if (field === "text") return typeof value === "string";
  return typeof value === "string" && field.includes(value);
}

/** The detail narrowed to the fields the manifest declares for `kind`, each of the declared kind. */
export function manifestDetail(kind: PipelineActionKind, detail: Detail): Record<string, string | number> {
  const declared: Record<string, DetailField> = pipelineManifest.actions[kind].detail;
  const narrowed: Record<string, string | number> = {};
  for (const [name, field] of Object.entries(declared)) {
    const value = detail[name];
    if (fits(field, value)) narrowed[name] = value;
  }
  return narrowed;
}

const isActionKind = (kind: string): kind is PipelineActionKind => Object.hasOwn(pipelineManifest.actions, kind);

export function describeAction(kind: string | null, detail: Detail): string {
  if (!kind || !isActionKind(kind)) return kind ?? "did something";
  return actionSentences[kind](manifestDetail(kind, detail));
}
