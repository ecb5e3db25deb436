// What the studio shows per demo: the loader's problems, the last check, the funnel (split by persona path,
// locale and source, or narrowed to one source), the stage where most visitors leave, and each step's target-missing rates with the jump flag.
import "server-only";
import { registeredDemos } from "@/db/queries/demos";
import { latestCheckRuns, type RecordedCheckRun } from "@/lib/demos/check-runs";
import { allSteps, type DemoDefinition } from "@/lib/demos/demo-schema";
import { textIn } from "@/lib/demos/locale";
import { allSources, type SourceFilter } from "@/lib/insights/funnel-sources";
import { demoFunnel, type Funnel, type FunnelStage } from "@/lib/insights/funnels";
import { readDemoFiles } from "./demo-files";
import { type FunnelSplitRow, funnelSplits } from "./funnel-splits";
import { targetMissingCounts } from "./target-missing";
import { hasTargetMissingJump, type StepTargetMissing } from "./target-missing-rule";

export type StudioStep = { id: string; title: string; path: string; counts: StepTargetMissing; jumped: boolean };

export type StudioDemo = {
  slug: string;
  title: string;
  /** Visitors can open it (registered at start-up or by the dev reload, possibly at an older version). */
  registered: boolean;
  /** file:line:column — what — how to fix, from the loader, now. */
  problems: string[];
  check?: RecordedCheckRun;
  funnel?: Funnel;
  /** All visitors, each persona path, each locale, each source; a column per step of every path, in `steps` order. */
  splits: FunnelSplitRow[];
  /** The stage the most visitors did not reach from the stage before it. */
  biggestDropOff?: FunnelStage;
  steps: StudioStep[];
  /** Some step's target-missing rate jumped (target-missing-rule.ts). */
  flagged: boolean;
};

const title = (definition: DemoDefinition) => {
  const first = definition.locales?.[0] ?? "en";
  return textIn(definition.title, first, first);
};

function biggestDropOff(funnel: Funnel | undefined): FunnelStage | undefined {
  let worst: FunnelStage | undefined;
  for (const stage of funnel?.stages ?? []) if ((stage.dropOff ?? 0) > (worst?.dropOff ?? 0)) worst = stage;
  return worst;
}

function stepsOf(definition: DemoDefinition | undefined, counts: Map<string, StepTargetMissing> | undefined): StudioStep[] {
  if (!definition) return [];
  const first = definition.locales?.[0] ?? "en";
  const empty = (): StepTargetMissing => ({ recent: { views: 0, missing: 0 }, baseline: { views: 0, missing: 0 } });
  return allSteps(definition).map(({ step, path }) => {
    const stepCounts = counts?.get(step.id) ?? empty();
    return { id: step.id, title: textIn(step.title, first, first), path, counts: stepCounts, jumped: hasTargetMissingJump(stepCounts) };
  });
}

/**
 * Every demo folder and every registered demo, flagged ones first, then in gallery order; the funnels count the
 * visitors from `source` only.
 */
export async function studioDemoList(now = new Date(), source: SourceFilter = allSources): Promise<StudioDemo[]> {
  const files = readDemoFiles();
  const registered = await registeredDemos();
  const checks = await latestCheckRuns();
  const missing = await targetMissingCounts(now);
  const slugs = [...new Set([...registered.map((demo) => demo.slug), ...files.map((file) => file.slug)])];
  const list: StudioDemo[] = [];
  for (const slug of slugs) {
    const onDisk = files.find((file) => file.slug === slug);
    const row = registered.find((demo) => demo.slug === slug);
    // The file as it is now when it loads; otherwise the version visitors still get.
    const definition = onDisk?.definition ?? row?.definition;
    const funnel = row ? await demoFunnel(slug, { source }) : undefined;
    const steps = stepsOf(definition, missing.get(slug));
    list.push({
      slug,
      title: definition ? title(definition) : slug,
      registered: row !== undefined,
      problems: onDisk ? onDisk.problems : [`${slug}: the folder demos/${slug}/ is gone; restart the server to unregister it`],
      check: checks.get(slug),
      funnel,
      splits: row
        ? await funnelSplits(
            slug,
            steps.map((step) => step.id),
            source,
          )
        : [],
      biggestDropOff: biggestDropOff(funnel),
      steps,
      flagged: steps.some((step) => step.jumped),
    });
  }
  return list.sort((a, b) => Number(b.flagged) - Number(a.flagged));
}

/** One demo as the list shows it, or undefined when there is no such folder or registered demo. */
export async function studioDemo(slug: string, now = new Date(), source: SourceFilter = allSources): Promise<StudioDemo | undefined> {
  // The whole list is a handful of demos, each a few small queries; one path keeps the two pages in agreement.
  return (await studioDemoList(now, source)).find((demo) => demo.slug === slug);
}
