// The sentence a rep reads for each action the manifest lists, from the small detail the server recorded when
// the write committed: "created deal ‘Globex renewal’ $40k", "moved ‘Globex renewal’ to Negotiation". Beside
// the manifest because it is the product's own wording: a team demoing its own product writes its own.
// The detail arrives already narrowed to the manifest's fields (lib/insights/describe-action.ts).
import { type PipelineActionKind, pipelineManifest } from "./manifest";
import { type Stage, stageLabels } from "./vocabulary";

type Detail = Record<string, string | number | undefined>;

/** $950, $40k, $1.3M: what a rep scans for, not the cents. */
export function compactMoney(amount: number): string {
  const units: [number, string][] = [
    [1_000_000_000, "B"],
    [1_000_000, "M"],
    [1_000, "k"],
  ];
  for (const [size, suffix] of units) {
    if (Math.abs(amount) >= size) return `$${Number((amount / size).toFixed(1))}${suffix}`;
  }
  return `$${Math.round(amount)}`;
}

const quoted = (value: string | number | undefined) => (typeof value === "string" && value.trim() ? `‘${value.trim()}’` : undefined);
const stage = (value: string | number | undefined) => (typeof value === "string" ? stageLabels[value as Stage] : undefined);

/** One sentence per action kind in the manifest; an old event without a detail still reads sensibly. */
export const actionSentences: Record<PipelineActionKind, (detail: Detail) => string> = {
  "deal.created": (detail) => {
    const name = quoted(detail.deal);
    if (!name) return "created a deal";
    const amount = typeof detail.amount === "number" ? ` ${compactMoney(detail.amount)}` : "";
    return `created deal ${name}${amount}`;
  },
  "deal.stage_changed": (detail) => {
    const name = quoted(detail.deal);
    const to = stage(detail.to);
    if (!name || !to) return "moved a deal to another stage";
    return `moved ${name} to ${to}`;
  },
  "deal.viewed": () => "opened a deal",
  "contacts.imported": (detail) => {
    const count = detail.count;
    if (typeof count !== "number") return "imported contacts from a CSV file";
    return `imported ${count} contact${count === 1 ? "" : "s"} from a CSV file`;
  },
  "activity.logged": (detail) => {
    const name = quoted(detail.deal);
    const what = typeof detail.kind === "string" ? `${detail.kind === "email" ? "an" : "a"} ${detail.kind}` : "an activity";
    return name ? `logged ${what} on ${name}` : `logged ${what} on a deal`;
  },
};

/** Which product the sentences speak for, so a rep view can say "In Pipeline: …" if it wants to. */
export const productName = pipelineManifest.product;
