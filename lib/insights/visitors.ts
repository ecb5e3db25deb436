// What a rep sees about visitors, derived only from usage signals: never from a form.
import "server-only";
import { sandboxesOfVisitors, visitorsNewestFirst } from "@/db/queries/rep-views";
import { type PersonaId, personaLabels } from "@/lib/demos/personas";
import { tourLength } from "@/lib/demos/tour-graph";
import { storedPersonalization } from "@/lib/sandbox/personalization";
import { perDemoVersion } from "./per-demo-version";

export type VisitorSummary = {
  id: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  demos: string[];
  /** The roles they chose to try demos as ("Sales leader"): a click on a link, never a form. */
  personas: string[];
  stepsCompleted: number;
  stepsTotal: number;
  sandboxActions: number;
  handRaised: boolean;
  source: Record<string, string> | null;
  client: string;
  bot: boolean;
};

/** `company`: whom a personalised link (`?company=Globex`) made the copy for — a hint, never an identity. */
type DemosTried = Map<string, { persona?: PersonaId; company?: string; steps: number }>;

/** The companies personalised links made a visitor's copies for, once each. */
export function madeForOf(tried: DemosTried | undefined): string[] {
  return [...new Set([...(tried?.values() ?? [])].flatMap((demo) => (demo.company ? [demo.company] : [])))];
}

/**
 * The longest way through a demo's paths for a persona: a visitor's completed steps never exceed it. Walked once
 * per demo version and persona, not for every sandbox on every page (./per-demo-version.ts).
 */
async function longestTours(): Promise<(slug: string, persona: PersonaId | undefined) => number> {
  const { definitions, most } = await perDemoVersion("insights.tour-lengths", (demos) => ({
    definitions: new Map(demos.map((row) => [row.slug, row.definition])),
    most: new Map(),
  }));
  return (slug, persona) => {
    const key = `${slug}:${persona ?? ""}`;
    let steps = most.get(key);
    if (steps === undefined) {
      const definition = definitions.get(slug);
      steps = definition ? tourLength(definition, persona).most : 0;
      most.set(key, steps);
    }
    return steps;
  };
}

/**
 * Per visitor, each demo they tried with the persona of their latest sandbox for it, and how many tour steps
 * that persona's branch has. One query for the whole page, not one per visitor.
 */
export async function demosTried(visitorIds: string[]): Promise<Map<string, DemosTried>> {
  const tried = new Map<string, DemosTried>();
  if (visitorIds.length === 0) return tried;
  // Two independent reads: on PostgreSQL each is a round trip, so they go together.
  const [longest, sandboxes] = await Promise.all([longestTours(), sandboxesOfVisitors(visitorIds)]);
  for (const row of sandboxes) {
    const { persona, company } = storedPersonalization(row.personalization) ?? {};
    const steps = longest(row.demoSlug, persona);
    const perDemo: DemosTried = tried.get(row.visitorId) ?? new Map();
    perDemo.set(row.demoSlug, { persona, company, steps }); // ordered by creation: the latest sandbox wins
    tried.set(row.visitorId, perDemo);
  }
  return tried;
}

/**
 * Visitors, newest activity first; bots and headless clients only when asked for; only those who came through
 * a demo embedded in another site's page when `embedded`.
 */
export async function listVisitors(options: { limit?: number; includeBots?: boolean; embedded?: boolean } = {}): Promise<VisitorSummary[]> {
  const { limit = 200, includeBots = false, embedded = false } = options;
  const rows = await visitorsNewestFirst({ limit, includeBots, embeddedOnly: embedded });
  const tried = await demosTried(rows.map((row) => row.id));
  return rows.map((row) => {
    const perDemo = [...(tried.get(row.id)?.entries() ?? [])];
    const stepsTotal = perDemo.reduce((sum, [, demo]) => sum + demo.steps, 0);
    const personas = new Set(perDemo.flatMap(([, demo]) => (demo.persona ? [personaLabels[demo.persona]] : [])));
    return {
      id: row.id,
      firstSeenAt: row.firstSeenAt,
      lastSeenAt: row.lastSeenAt,
      demos: perDemo.map(([slug]) => slug),
      personas: [...personas],
      // A visitor who switched persona may have completed steps of two branches; never show "8 of 7".
      stepsCompleted: Math.min(Number(row.stepsCompleted ?? 0), stepsTotal),
      stepsTotal,
      sandboxActions: Number(row.sandboxActions ?? 0),
      handRaised: Number(row.handRaises ?? 0) > 0,
      source: row.source ?? null,
      client: [row.browser, row.os, row.device].filter(Boolean).join(" · "),
      bot: row.bot,
    };
  });
}
