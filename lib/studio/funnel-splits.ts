// A demo's funnel summed per persona path, per locale and per source (direct, or the site that embedded it),
// with the outcomes (call to action, hand-raise) that lib/insights/funnels.ts counts only for all visitors.
// Reads funnel_counts, a few rows per demo.
import "server-only";
import { store } from "@/db/control-plane";
import { funnelCountsOf } from "@/db/queries/insights";
import { type PersonaId, personaIds, personaLabels } from "@/lib/demos/personas";
import { allSources, matchesSource, type SourceFilter, sourceLabel } from "@/lib/insights/funnel-sources";
import { fixedStages, stepStage } from "@/lib/insights/funnel-stages";

export type FunnelSplitRow = {
  /** "All visitors", a persona's name, a locale, or "Direct" / "Embedded on <host>". */
  label: string;
  kind: "all" | "persona" | "locale" | "source";
  opened: number;
  started: number;
  /** Visitors who saw each step asked for, in order. */
  steps: number[];
  finished: number;
  cta: number;
  handraise: number;
};

const personaName = (id: string) => (personaIds.includes(id as PersonaId) ? personaLabels[id as PersonaId] : "No role chosen");

/**
 * Rows: all visitors, then each persona path, each locale and each source, with a count for each step id given;
 * only the visitors from `source` when given.
 */
export async function funnelSplits(slug: string, stepIds: string[], source: SourceFilter = allSources): Promise<FunnelSplitRow[]> {
  const groups = new Map<string, { label: string; kind: FunnelSplitRow["kind"]; counts: Map<string, number> }>();
  const add = (key: string, label: string, kind: FunnelSplitRow["kind"], stage: string, visitors: number) => {
    const group = groups.get(key) ?? { label, kind, counts: new Map<string, number>() };
    group.counts.set(stage, (group.counts.get(stage) ?? 0) + visitors);
    groups.set(key, group);
  };
  add("all", "All visitors", "all", fixedStages.viewed, 0);
  for (const row of await funnelCountsOf(slug, store())) {
    if (!matchesSource(source, row.source)) continue;
    add("all", "All visitors", "all", row.stage, row.visitors);
    add(`persona:${row.persona}`, personaName(row.persona), "persona", row.stage, row.visitors);
    add(`locale:${row.locale}`, row.locale || "Locale not reported", "locale", row.stage, row.visitors);
    add(`source:${row.source}`, sourceLabel(row.source), "source", row.stage, row.visitors);
  }
  const order = { all: 0, persona: 1, locale: 2, source: 3 };
  return [...groups.values()]
    .sort((a, b) => order[a.kind] - order[b.kind] || a.label.localeCompare(b.label))
    .map(({ label, kind, counts }) => ({
      label,
      kind,
      opened: counts.get(fixedStages.viewed) ?? 0,
      started: counts.get(fixedStages.started) ?? 0,
      steps: stepIds.map((id) => counts.get(stepStage(id)) ?? 0),
      finished: counts.get(fixedStages.finished) ?? 0,
      cta: counts.get(fixedStages.cta) ?? 0,
      handraise: counts.get(fixedStages.handraise) ?? 0,
    }));
}
