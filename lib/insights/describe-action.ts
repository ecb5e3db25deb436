// The sentence a rep reads for something a visitor did in their sandbox, from the kind and the small detail
// the server recorded when the write committed (lib/signals/record-action.ts): "created deal ‘Globex renewal’
// $40k", "moved ‘Globex renewal’ to Negotiation". An old event without a detail still reads sensibly.
import "server-only";
import { type Stage, stageLabels } from "@/lib/pipeline/vocabulary";
import type { SandboxActionKind } from "@/lib/signals/signal-types";

type Detail = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() ? value.trim() : undefined);

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

const stage = (value: unknown): string | undefined =>
  typeof value === "string" && value in stageLabels ? stageLabels[value as Stage] : undefined;
const quoted = (value: unknown) => (text(value) ? `‘${text(value)}’` : undefined);

const sentences: Record<SandboxActionKind, (detail: Detail) => string> = {
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
    const count = typeof detail.count === "number" ? detail.count : undefined;
    return count === undefined ? "imported contacts from a CSV file" : `imported ${count} contact${count === 1 ? "" : "s"} from a CSV file`;
  },
  "activity.logged": (detail) => {
    const name = quoted(detail.deal);
    const kind = typeof detail.kind === "string" && ["call", "email", "meeting"].includes(detail.kind) ? detail.kind : undefined;
    const what = kind ? `${kind === "email" ? "an" : "a"} ${kind}` : "an activity";
    return name ? `logged ${what} on ${name}` : `logged ${what} on a deal`;
  },
};

export function describeAction(kind: string | null, detail: Detail): string {
  const sentence = kind && kind in sentences ? sentences[kind as SandboxActionKind] : undefined;
  return sentence ? sentence(detail) : (kind ?? "did something");
}
