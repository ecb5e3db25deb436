// A demo's steps as a graph: the main path (steps:) and the named paths, joined by choice options and `then:`.
// Two jobs, both pure: check the graph a marketer wrote (every step reachable, every reference real, every end a
// call to action, no loop without a way out), and compile it, per persona and locale, into the small TourDemo
// the browser runs — each step already knowing the id of the step after it, so the engine follows pointers.
import { type PipelineRoute, pipelineManifest } from "@/lib/pipeline/manifest";
import type { SandboxActionKind } from "@/lib/signals/signal-types";
import type { DemoCta, DemoDefinition, DemoStep, StepKind, WaitFor } from "./demo-schema";
import { type LocalizedText, textIn } from "./locale";
import { type PersonaId, personaLabels, stepsForPersona } from "./personas";
import { renderStepMarkdown } from "./step-markdown";
import { defaultNextLabel, lookingForName, type TourWords, tourWords } from "./tour-words";

/** The name of the path written under `steps:`, where every tour starts. */
export const mainPath = "main";

type Graph = Pick<DemoDefinition, "steps" | "paths" | "personas">;

/** Every step of a demo with the zod path it was written at (steps[3] or paths.deals[0]) and its path's name. */
export function allSteps(demo: Pick<DemoDefinition, "steps" | "paths">): { step: DemoStep; at: PropertyKey[]; path: string }[] {
  return [
    ...demo.steps.map((step, index) => ({ step, at: ["steps", index] as PropertyKey[], path: mainPath })),
    ...Object.entries(demo.paths ?? {}).flatMap(([name, steps]) =>
      steps.map((step, index) => ({ step, at: ["paths", name, index] as PropertyKey[], path: name })),
    ),
  ];
}

/** A step's kind as written, or as implied: beside a target it is a popover, else a centered modal. */
export function stepKind(step: Pick<DemoStep, "kind" | "target" | "locate">): StepKind {
  return step.kind ?? (step.target || step.locate ? "popover" : "modal");
}

/** The action a waitFor names, and the detail fields it must match. */
export function waitForParts(waitFor: WaitFor): { action: SandboxActionKind; where: Record<string, string | number> } {
  return typeof waitFor === "string" ? { action: waitFor, where: {} } : { action: waitFor.action, where: waitFor.where ?? {} };
}

function pathsOf(demo: Pick<DemoDefinition, "steps" | "paths">): Map<string, DemoStep[]> {
  return new Map([[mainPath, demo.steps], ...Object.entries(demo.paths ?? {}).filter(([name]) => name !== mainPath)]);
}

/** How one visitor (a persona, or none) walks the graph: each step's successors, and where the tour starts. */
type Walk = { start?: string; next: Map<string, string | undefined>; options: Map<string, (string | undefined)[]> };

function walkFor(demo: Graph, who: PersonaId | undefined): Walk {
  const paths = pathsOf(demo);
  const thenOf = (name: string) => paths.get(name)?.at(-1)?.then;
  /** The first step a visitor sees on a path; a path with none for them passes on to its then:. */
  const first = (name: string, seen = new Set<string>()): string | undefined => {
    if (seen.has(name)) return undefined;
    seen.add(name);
    const visible = stepsForPersona(paths.get(name) ?? [], who);
    if (visible[0]) return visible[0].id;
    const then = thenOf(name);
    return then ? first(then, seen) : undefined;
  };
  const next = new Map<string, string | undefined>();
  const options = new Map<string, (string | undefined)[]>();
  for (const [name, steps] of paths) {
    const visible = stepsForPersona(steps, who);
    visible.forEach((step, index) => {
      if (stepKind(step) === "choice") {
        options.set(
          step.id,
          (step.options ?? []).map((option) => (paths.has(option.path) ? first(option.path) : undefined)),
        );
        return;
      }
      const after = visible[index + 1]?.id;
      const then = thenOf(name);
      next.set(step.id, after ?? (then && paths.has(then) ? first(then) : undefined));
    });
  }
  return { start: first(mainPath), next, options };
}

function successors(walk: Walk, id: string): string[] {
  const listed = walk.options.get(id) ?? [walk.next.get(id)];
  return listed.filter((to): to is string => to !== undefined);
}

/** Steps in the order a visitor can first meet them, with how many steps it takes to get there. */
function reach(walk: Walk): Map<string, number> {
  const depth = new Map<string, number>();
  if (!walk.start) return depth;
  depth.set(walk.start, 0);
  const queue = [walk.start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const to of successors(walk, id)) {
      if (!depth.has(to)) {
        depth.set(to, (depth.get(id) ?? 0) + 1);
        queue.push(to);
      }
    }
  }
  return depth;
}

/** For each reached step, the fewest steps left to an end of the tour (absent: the step never gets out). */
function stepsToEnd(walk: Walk, reached: Map<string, number>): Map<string, number> {
  const left = new Map<string, number>();
  const ends = [...reached.keys()].filter((id) => !walk.options.has(id) && walk.next.get(id) === undefined);
  for (const id of ends) left.set(id, 0);
  const queue = [...ends];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const from of reached.keys()) {
      if (!left.has(from) && successors(walk, from).includes(id)) {
        left.set(from, (left.get(id) ?? 0) + 1);
        queue.push(from);
      }
    }
  }
  return left;
}

/** The fewest and the most steps a visitor meets from the first step to an end (a loop counts once). */
export function tourLength(demo: Graph, persona?: PersonaId): { fewest: number; most: number } {
  const walk = walkFor(demo, persona);
  if (!walk.start) return { fewest: 0, most: 0 };
  const left = stepsToEnd(walk, reach(walk));
  const longest = (id: string, onTheWay: Set<string>): number => {
    onTheWay.add(id);
    const after = successors(walk, id).filter((to) => !onTheWay.has(to));
    const most = 1 + Math.max(0, ...after.map((to) => longest(to, onTheWay)));
    onTheWay.delete(id);
    return most;
  };
  return { fewest: (left.get(walk.start) ?? 0) + 1, most: longest(walk.start, new Set()) };
}

/** "7 steps; as Sales leader 8": how long the tour is for each visitor, "10–11" where a choice makes it differ. */
export function describeTourLengths(demo: Graph): string {
  const length = (who: PersonaId | undefined) => {
    const { fewest, most } = tourLength(demo, who);
    return fewest === most ? `${most}` : `${fewest}–${most}`;
  };
  const branches = (demo.personas ?? []).map((id) => `as ${personaLabels[id]} ${length(id)}`);
  return [`${length(undefined)} steps`, ...(branches.length > 0 ? [branches.join(", ")] : [])].join("; ");
}

export type GraphProblem = { path: PropertyKey[]; message: string };

/** What is wrong with how a demo's steps connect, each at the place in the file to fix it. */
export function checkTourGraph(demo: Graph): GraphProblem[] {
  const problems = new Map<string, GraphProblem>();
  const add = (path: PropertyKey[], message: string) => problems.set(`${path.join(".")}\0${message}`, { path, message });
  const paths = pathsOf(demo);
  const names = [...paths.keys()];
  const steps = allSteps(demo);
  const where = new Map(steps.map((entry) => [entry.step.id, entry]));
  const known = (name: string) => paths.has(name);
  const listed = `the paths are ${names.join(", ")}`;

  if (demo.paths && mainPath in demo.paths) add(["paths", mainPath], `"${mainPath}" is the name of steps:; give this path another name`);
  const seen = new Map<string, string>();
  for (const { step, at } of steps) {
    const earlier = seen.get(step.id);
    if (earlier) add([...at, "id"], `step id "${step.id}" is already used at ${earlier}; step ids are unique across all paths`);
    else seen.set(step.id, describeAt(at));
  }
  for (const [name, pathSteps] of paths) {
    pathSteps.forEach((step, index) => {
      const at = where.get(step.id)?.at ?? [];
      const last = index === pathSteps.length - 1;
      if (step.then !== undefined) {
        if (!last) add([...at, "then"], "then: belongs on the last step of a path; move it there or move this step to the end");
        if (!known(step.then)) add([...at, "then"], `no path named "${step.then}"; ${listed}`);
      }
      if (stepKind(step) === "choice" && !last) {
        add(
          [...at, "kind"],
          `a choice ends its path: the steps after it in ${name} are never shown; move them to a path an option leads to`,
        );
      }
      step.options?.forEach((option, optionIndex) => {
        if (!known(option.path)) add([...at, "options", optionIndex, "path"], `no path named "${option.path}"; ${listed}`);
      });
    });
  }

  const everShown = new Set<string>();
  for (const who of [undefined, ...(demo.personas ?? [])]) {
    const visitor = who ? `someone trying it as ${personaLabels[who]}` : "a visitor without a persona";
    const walk = walkFor(demo, who);
    if (!walk.start) {
      add(["steps"], `${visitor} would see no steps`);
      continue;
    }
    const reached = reach(walk);
    for (const id of reached.keys()) everShown.add(id);
    const left = stepsToEnd(walk, reached);
    for (const id of reached.keys()) {
      const entry = where.get(id);
      if (!entry) continue;
      if (!walk.options.has(id) && walk.next.get(id) === undefined && stepKind(entry.step) !== "cta") {
        add(
          entry.at,
          `the ${entry.path} path ends here for ${visitor}, but not on a call to action; end it with a kind: cta step (or then: a path that does)`,
        );
      }
      walk.options.get(id)?.forEach((to, index) => {
        const option = entry.step.options?.[index];
        if (to === undefined && option && known(option.path)) {
          add([...entry.at, "options", index, "path"], `the ${option.path} path has no steps for ${visitor}`);
        }
      });
    }
    const stuck = [...reached.keys()].filter((id) => !left.has(id));
    if (stuck.length > 0) {
      // Report it where the loop closes: the last then: on the way, which leads back.
      const closing =
        stuck
          .map((id) => where.get(id))
          .reverse()
          .find((entry) => entry?.step.then !== undefined) ?? where.get(stuck[0] ?? "");
      if (closing) {
        add(
          closing.step.then !== undefined ? [...closing.at, "then"] : closing.at,
          `these steps loop with no way out for ${visitor}: ${stuck.join(", ")}; end one of the paths with a cta step or offer a choice that leaves the loop`,
        );
      }
    }
  }
  for (const [name, pathSteps] of paths) {
    if (name !== mainPath && pathSteps.length > 0 && !pathSteps.some((step) => everShown.has(step.id))) {
      add(["paths", name], `the ${name} path is never reached: no choice option or then: leads to it`);
    }
  }
  for (const { step, at, path } of steps) {
    const wholePathUnreached = path !== mainPath && !(paths.get(path) ?? []).some((other) => everShown.has(other.id));
    if (!everShown.has(step.id) && !wholePathUnreached) {
      add([...at, "id"], `step "${step.id}" is never shown: no visitor's way through the tour reaches it`);
    }
  }
  return [...problems.values()];
}

function describeAt(at: PropertyKey[]): string {
  return at.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    "",
  );
}

/**
 * A step as the browser gets it: its texts in the visitor's locale, its body already rendered to safe HTML,
 * its route resolved to a path, and the step after it named (the server has walked the graph for this persona).
 */
export type TourStep = {
  id: string;
  kind: StepKind;
  title: string;
  bodyHtml: string;
  target?: DemoStep["target"];
  locate?: { role: string; name: string };
  /** "center" for a step with nothing to stand beside. */
  placement: DemoStep["placement"] | "center";
  /** How long to look for the target before "Can't find this? Skip ahead" (components/tour/target.ts). */
  timeoutMs?: number;
  waitFor?: { action: SandboxActionKind; where?: Record<string, string | number> };
  navigate?: { route: PipelineRoute; path: string; title: string };
  options?: { label: string; path: string; step: string }[];
  cta?: { label: string; url: string };
  /** The step after this one; none: the tour ends here (a choice continues by its options). */
  next?: string;
  /** The main button's label: the step's own, or Next / Finish / Go to … / Keep exploring in the locale. */
  nextLabel: string;
  /** A located step's "Looking for “New deal”…" while its target is late. */
  looking?: string;
  /** The fewest steps after this one to the end: "Step 3 of 7" is the visitor's own count plus these. */
  stepsLeft: number;
};

/** What the browser needs to run a demo's tour: the steps this visitor's persona can meet, and the first. */
export type TourDemo = {
  slug: string;
  title: string;
  locale: string;
  persona?: PersonaId;
  start: string;
  steps: TourStep[];
  /** The frame's words (buttons, progress) in the same locale as the steps. */
  words: TourWords;
};

export type CompileOptions = { slug: string; persona?: PersonaId; locale: string; contactUrl: string };

/** The tour for one persona in one locale. Assumes a definition that passed the schema (and so checkTourGraph). */
export function compileTour(definition: DemoDefinition, options: CompileOptions): TourDemo {
  const fallback = definition.locales?.[0] ?? options.locale;
  const read = (text: LocalizedText) => textIn(text, options.locale, fallback);
  const ctaOf = (cta: DemoCta) => ({ label: read(cta.label), url: cta.url === "contact" ? options.contactUrl : cta.url });
  const walk = walkFor(definition, options.persona);
  const reached = reach(walk);
  const left = stepsToEnd(walk, reached);
  const byId = new Map(allSteps(definition).map(({ step }) => [step.id, step]));
  const steps = [...reached.keys()].flatMap((id): TourStep[] => {
    const step = byId.get(id);
    if (!step) return [];
    const kind = stepKind(step);
    const compiled: TourStep = {
      id,
      kind,
      title: read(step.title),
      // Rendered here, on the server: the browser gets HTML that holds only strong, em, code and a, never Markdown.
      bodyHtml: renderStepMarkdown(read(step.body)).html,
      placement: step.target || step.locate ? step.placement : "center",
      stepsLeft: left.get(id) ?? 0,
      nextLabel: "",
    };
    if (step.target) compiled.target = step.target;
    if (step.locate) {
      compiled.locate = { role: step.locate.role, name: read(step.locate.name) };
      compiled.looking = lookingForName(options.locale, compiled.locate.name);
    }
    if (step.targetWaitSeconds && (step.target || step.locate)) compiled.timeoutMs = step.targetWaitSeconds * 1000;
    if (step.waitFor) {
      const { action, where } = waitForParts(step.waitFor);
      compiled.waitFor = Object.keys(where).length > 0 ? { action, where } : { action };
    }
    if (step.navigate) {
      const route = step.navigate as PipelineRoute;
      const { path, title } = pipelineManifest.routes[route];
      compiled.navigate = { route, path, title };
    }
    if (kind === "choice") {
      compiled.options = (step.options ?? []).flatMap((option, index) => {
        const first = walk.options.get(id)?.[index];
        return first ? [{ label: read(option.label), path: option.path, step: first }] : [];
      });
    }
    if (kind === "cta") compiled.cta = ctaOf(step.cta ?? definition.cta);
    const next = walk.next.get(id);
    if (next) compiled.next = next;
    compiled.nextLabel = step.nextLabel ? read(step.nextLabel) : defaultNextLabel(options.locale, compiled);
    return [compiled];
  });
  return {
    slug: options.slug,
    title: read(definition.title),
    locale: options.locale,
    persona: options.persona,
    start: walk.start ?? "",
    steps,
    words: tourWords(options.locale),
  };
}
