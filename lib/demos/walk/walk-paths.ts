// The ways through a demo a browser walk takes: each persona the gallery offers (and a visitor with none),
// down each answer of each choice. Two visitors who would meet the same steps and answers are walked once.
import "server-only";
import type { DemoDefinition } from "@/lib/demos/demo-schema";
import { type PersonaId, personaLabels } from "@/lib/demos/personas";
import { compileTour, type TourStep } from "@/lib/demos/tour-graph";

/** A compiled step, and for a choice the answer this walk gives. */
export type WalkStep = { step: TourStep; answer?: { label: string; step: string } };

export type WalkPath = {
  /** How the walk chose its way, as the report and the studio name it: "as Sales leader › The months ahead". */
  name: string;
  persona?: PersonaId;
  locale: string;
  steps: WalkStep[];
};

/** Stands for the deployment's CONTACT_URL in a compiled CTA: only the server being walked knows it. */
export const contactPlaceholder = "contact";

function branches(byId: Map<string, TourStep>, from: string | undefined, seen: Set<string>): WalkStep[][] {
  const step = from === undefined ? undefined : byId.get(from);
  if (!step || seen.has(step.id)) return [[]];
  const here = new Set(seen).add(step.id);
  if (step.kind === "choice") {
    return (step.options ?? []).flatMap((option) =>
      branches(byId, option.step, here).map((rest) => [{ step, answer: { label: option.label, step: option.step } }, ...rest]),
    );
  }
  return branches(byId, step.next, here).map((rest) => [{ step }, ...rest]);
}

export function walkPaths(slug: string, definition: DemoDefinition): WalkPath[] {
  const locale = definition.locales?.[0] ?? "en";
  const visitors: (PersonaId | undefined)[] = [undefined, ...(definition.personas ?? [])];
  const byRoute = new Map<string, WalkPath>();
  for (const persona of visitors) {
    const tour = compileTour(definition, { slug, persona, locale, contactUrl: contactPlaceholder });
    const byId = new Map(tour.steps.map((step) => [step.id, step]));
    for (const steps of branches(byId, tour.start, new Set())) {
      const answers = steps.flatMap(({ answer }) => (answer ? [answer.label] : []));
      const route = steps.map(({ step, answer }) => `${step.id}${answer ? `>${answer.step}` : ""}`).join(" ");
      const who = persona ? `as ${personaLabels[persona]}` : "everyone";
      const earlier = byRoute.get(route);
      if (earlier) {
        // The same steps for another persona: one walk, named for both.
        earlier.name = earlier.name.replace(/^([^›]+?)( › |$)/, `$1 / ${who}$2`);
        continue;
      }
      byRoute.set(route, { name: [who, ...answers].join(" › ").slice(0, 200), persona, locale, steps });
    }
  }
  return [...byRoute.values()];
}
