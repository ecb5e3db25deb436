// The step list beside a preview: every step of every path, and for each step the current persona can meet, how
// to open the tour there — the tour state a visitor would have on arriving (trail and answers, so Back works)
// and the product page they would be on. Pure over the compiled tour, so it is unit-tested without a browser.
import type { DemoDefinition } from "@/lib/demos/demo-schema";
import { textIn } from "@/lib/demos/locale";
import { personaLabels } from "@/lib/demos/personas";
import { allSteps, type TourDemo, type TourStep } from "@/lib/demos/tour-graph";
import { type PipelineRoute, pipelineManifest } from "@/lib/pipeline/manifest";

/** Where the tour opens for a jump: the state to store for the step, and the page under /s/<sandbox>. */
export type StepJump = { stepId: string; trail: string[]; answers: Record<string, string>; page: string };

export type PreviewStep = {
  id: string;
  title: string;
  /** The path the step is written on ("main", or a named path). */
  path: string;
  /** Absent when the current persona never meets the step; `onlyFor` then says who does. */
  jump?: StepJump;
  onlyFor?: string;
};

/** A concrete page for a route that needs an id (a deal, a company): the first one in the sandbox. */
export type RouteIds = Partial<Record<"deal" | "company" | "contact", number>>;

function routePage(route: PipelineRoute, ids: RouteIds): string | undefined {
  const path: string = pipelineManifest.routes[route].path;
  if (!path.includes(":")) return path;
  const resolved = path.replace(/:(deal|company|contact)\b/, (_, name: keyof RouteIds) => String(ids[name] ?? ""));
  return /\/$|:/.test(resolved) ? undefined : resolved;
}

/** The page a step is shown on: its anchor's page, or (header anchors, role+name, modals) the page the tour is on. */
function pageOf(step: TourStep, current: string, ids: RouteIds): string {
  if (!step.target) return current;
  const anchor = pipelineManifest.anchors[step.target as keyof typeof pipelineManifest.anchors];
  if (!anchor || anchor.route === "*") return current;
  return routePage(anchor.route as PipelineRoute, ids) ?? current;
}

/** For each step the tour can reach, the first way there (breadth first, so the shortest trail). */
export function stepJumps(tour: Pick<TourDemo, "start" | "steps">, ids: RouteIds = {}): Map<string, StepJump> {
  const byId = new Map(tour.steps.map((step) => [step.id, step]));
  const jumps = new Map<string, StepJump>();
  const first = byId.get(tour.start);
  if (!first) return jumps;
  const queue: StepJump[] = [{ stepId: first.id, trail: [], answers: {}, page: pageOf(first, "/", ids) }];
  jumps.set(first.id, queue[0] as StepJump);
  for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
    const step = byId.get(at.stepId);
    if (!step) continue;
    const trail = [...at.trail, step.id];
    const after = step.navigate ? step.navigate.path : at.page;
    const onward = step.options
      ? step.options.map((option) => ({ id: option.step, answers: { ...at.answers, [step.id]: option.path } }))
      : step.next
        ? [{ id: step.next, answers: at.answers }]
        : [];
    for (const { id, answers } of onward) {
      const next = byId.get(id);
      if (!next || jumps.has(id)) continue;
      const jump = { stepId: id, trail, answers, page: pageOf(next, after, ids) };
      jumps.set(id, jump);
      queue.push(jump);
    }
  }
  return jumps;
}

/** Every step the demo defines, in file order, titled in `locale`, with a jump where `tour` reaches it. */
export function previewSteps(definition: DemoDefinition, tour: TourDemo, ids: RouteIds = {}): PreviewStep[] {
  const jumps = stepJumps(tour, ids);
  const fallback = definition.locales?.[0] ?? tour.locale;
  return allSteps(definition).map(({ step, path }) => {
    const entry: PreviewStep = { id: step.id, title: textIn(step.title, tour.locale, fallback), path };
    const jump = jumps.get(step.id);
    if (jump) entry.jump = jump;
    else if (step.personas?.length) entry.onlyFor = step.personas.map((persona) => personaLabels[persona]).join(", ");
    return entry;
  });
}
