// A demo's funnel as a rep reads it: visitors reaching each stage, the drop-off from the stage before, and
// the same split by persona path, by locale and by source (direct, or the site that embedded the demo), all of
// it narrowed to one source when asked. Reads only funnel_counts (a few rows per demo).
import "server-only";
import { store } from "@/db/control-plane";
import { demoRow } from "@/db/queries/demos";
import { funnelCountsAtStage, funnelCountsOf } from "@/db/queries/insights";
import { demoTitles } from "@/db/queries/rep-views";
import { textIn } from "@/lib/demos/locale";
import { type PersonaId, personaIds, personaLabels } from "@/lib/demos/personas";
import { catchUpInsights } from "./fold";
import { allSources, matchesSource, type SourceFilter, sourceLabel } from "./funnel-sources";
import { choiceStage, fixedStages, missingStage, stepStage } from "./funnel-stages";

export type FunnelStage = { key: string; label: string; visitors: number; dropOff: number | null; ofViewed: number | null };
export type FunnelSplit = { label: string; stages: FunnelStage[] };
export type Funnel = {
  slug: string;
  title: string;
  stages: FunnelStage[];
  /** Reached beside the main sequence, not after it: counted, with no drop-off. */
  outcomes: FunnelStage[];
  answers: { step: string; option: string; visitors: number }[];
  missingTargets: { step: string; visitors: number }[];
  byPersona: FunnelSplit[];
  byLocale: FunnelSplit[];
  bySource: FunnelSplit[];
  /** Every source this demo's visitors came from, whatever the filter: "" (direct) and each embedding host. */
  sources: string[];
  /** The source the numbers above are narrowed to. */
  source: SourceFilter;
  pending: number;
};

type Counts = Map<string, number>;

function stagesFrom(sequence: { key: string; label: string }[], counts: Counts): FunnelStage[] {
  const viewed = counts.get(fixedStages.viewed) ?? 0;
  return sequence.map((stage, index) => {
    const visitors = counts.get(stage.key) ?? 0;
    const previous = index > 0 ? (counts.get(sequence[index - 1]?.key ?? "") ?? 0) : null;
    return {
      ...stage,
      visitors,
      dropOff: previous === null ? null : Math.max(0, previous - visitors),
      ofViewed: viewed > 0 ? Math.round((visitors / viewed) * 100) : null,
    };
  });
}

function add(map: Map<string, Counts>, group: string, stage: string, visitors: number) {
  const counts = map.get(group) ?? new Map<string, number>();
  counts.set(stage, (counts.get(stage) ?? 0) + visitors);
  map.set(group, counts);
}

/** Every registered demo with the number of visitors who opened it, for /sales/funnels. */
export async function funnelOverview() {
  const { pending } = await catchUpInsights({});
  const viewed = new Map<string, number>();
  for (const row of await funnelCountsAtStage(fixedStages.viewed, store()))
    viewed.set(row.demoSlug, (viewed.get(row.demoSlug) ?? 0) + row.visitors);
  const finished = new Map<string, number>();
  for (const row of await funnelCountsAtStage(fixedStages.finished, store()))
    finished.set(row.demoSlug, (finished.get(row.demoSlug) ?? 0) + row.visitors);
  const list = (await demoTitles("slug")).map((demo) => ({
    ...demo,
    viewed: viewed.get(demo.slug) ?? 0,
    finished: finished.get(demo.slug) ?? 0,
  }));
  return { demos: list, pending };
}

/** The funnel of one demo (its visitors from `source` only, when given), or undefined when no such demo is registered. */
export async function demoFunnel(slug: string, { source = allSources }: { source?: SourceFilter } = {}): Promise<Funnel | undefined> {
  // Together: on PostgreSQL each is its own round trips.
  const [demo, { pending }] = await Promise.all([demoRow(slug), catchUpInsights({})]);
  if (!demo) return undefined;
  const fallback = demo.definition.locales?.[0] ?? "en";
  const stepLabel = new Map(demo.definition.steps.map((step) => [step.id, textIn(step.title, fallback, fallback)]));
  const sequence = [
    { key: fixedStages.viewed, label: "Opened the demo" },
    { key: fixedStages.started, label: "Started the tour" },
    ...demo.definition.steps.map((step, index) => ({ key: stepStage(step.id), label: `Step ${index + 1}: ${stepLabel.get(step.id)}` })),
    { key: fixedStages.finished, label: "Finished the tour" },
  ];
  const outcomeStages = [
    { key: fixedStages.cta, label: "Clicked the call to action" },
    { key: fixedStages.handraise, label: "Raised a hand" },
    { key: fixedStages.navigated, label: "Taken to another page by the tour" },
  ];
  const total: Counts = new Map();
  const byPersona = new Map<string, Counts>();
  const byLocale = new Map<string, Counts>();
  const bySource = new Map<string, Counts>();
  const sources = new Set<string>();
  const answers: Funnel["answers"] = [];
  const missing = new Map<string, number>();
  for (const row of await funnelCountsOf(slug, store())) {
    sources.add(row.source);
    if (!matchesSource(source, row.source)) continue;
    total.set(row.stage, (total.get(row.stage) ?? 0) + row.visitors);
    add(byPersona, row.persona, row.stage, row.visitors);
    add(byLocale, row.locale, row.stage, row.visitors);
    add(bySource, row.source, row.stage, row.visitors);
  }
  for (const [key, visitors] of total) {
    for (const step of demo.definition.steps) {
      const prefix = choiceStage(step.id, "");
      if (key.startsWith(prefix)) answers.push({ step: stepLabel.get(step.id) ?? step.id, option: key.slice(prefix.length), visitors });
      if (key === missingStage(step.id)) missing.set(stepLabel.get(step.id) ?? step.id, visitors);
    }
  }
  const personaName = (id: string) => (personaIds.includes(id as PersonaId) ? personaLabels[id as PersonaId] : "No role chosen");
  const split = (groups: Map<string, Counts>, name: (key: string) => string) =>
    [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, counts]) => ({ label: name(key), stages: stagesFrom(sequence, counts) }));
  return {
    slug,
    title: demo.title,
    stages: stagesFrom(sequence, total),
    outcomes: stagesFrom(outcomeStages, total).map((stage) => ({ ...stage, dropOff: null })),
    answers,
    missingTargets: [...missing.entries()].map(([step, visitors]) => ({ step, visitors })),
    byPersona: split(byPersona, personaName),
    byLocale: split(byLocale, (key) => key || "Locale not reported"),
    bySource: split(bySource, sourceLabel),
    sources: [...sources].sort(),
    source,
    pending,
  };
}
