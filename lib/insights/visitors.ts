// What a rep sees about visitors, derived only from usage signals: never from a form.
import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { demos, events, sandboxes, visitors } from "@/db/control/schema";
import { type PersonaId, personaLabels } from "@/lib/demos/personas";
import { tourLength } from "@/lib/demos/tour-graph";
import { storedPersonalization } from "@/lib/sandbox/personalization";
import { interactionTypes } from "@/lib/signals/event-schema";

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

type DemosTried = Map<string, { persona?: PersonaId; steps: number }>;

/**
 * Per visitor, each demo they tried with the persona of their latest sandbox for it, and how many tour steps
 * that persona's branch has. One query for the whole page, not one per visitor.
 */
export function demosTried(visitorIds: string[], db: ControlDb) {
  const definitions = new Map(
    db
      .select({ slug: demos.slug, definition: demos.definition })
      .from(demos)
      .all()
      .map((row) => [row.slug, row.definition]),
  );
  const tried = new Map<string, DemosTried>();
  if (visitorIds.length === 0) return tried;
  const rows = db
    .select({ visitorId: sandboxes.visitorId, demoSlug: sandboxes.demoSlug, personalization: sandboxes.personalization })
    .from(sandboxes)
    .where(inArray(sandboxes.visitorId, visitorIds))
    .orderBy(asc(sandboxes.createdAt))
    .all();
  for (const row of rows) {
    const persona = storedPersonalization(row.personalization)?.persona;
    // The longest way through the demo's paths: a visitor's completed steps never exceed it.
    const definition = definitions.get(row.demoSlug);
    const steps = definition ? tourLength(definition, persona).most : 0;
    const perDemo: DemosTried = tried.get(row.visitorId) ?? new Map();
    perDemo.set(row.demoSlug, { persona, steps }); // ordered by creation: the latest sandbox wins
    tried.set(row.visitorId, perDemo);
  }
  return tried;
}

/** Correlates a subquery over events with the visitor row being read. */
const ofVisitor = sql`${events.visitorId} = ${visitors.id}`;
const countOf = (type: string) => sql<number>`(select count(*) from ${events} where ${ofVisitor} and ${events.type} = ${type})`;
const interactions = sql.join(
  interactionTypes.map((type) => sql`${type}`),
  sql`, `,
);
/** An automated browser that never interacted: it sent events, all marked automated, none a click, action or hand-raise. */
const automatedOnly = sql`(exists (select 1 from ${events} where ${ofVisitor}) and not exists (select 1 from ${events} where ${ofVisitor} and (${events.bot} = 0 or ${events.type} in (${interactions}))))`;

/**
 * Visitors, newest activity first; bots and headless clients only when asked for. Walks visitors by the
 * last-seen index and reads each one's events through correlated subqueries, so a page costs the same
 * with ten thousand visitors as with ten (npm run bench:insights).
 */
export function listVisitors(options: { limit?: number; includeBots?: boolean } = {}, db: ControlDb = controlDb()): VisitorSummary[] {
  const { limit = 200, includeBots = false } = options;
  const rows = db
    .select({
      id: visitors.id,
      firstSeenAt: visitors.createdAt,
      lastSeenAt: visitors.lastSeenAt,
      source: visitors.source,
      browser: visitors.browser,
      os: visitors.os,
      device: visitors.device,
      bot: visitors.bot,
      stepsCompleted: sql<number>`(select count(distinct ${events.demoSlug} || ':' || ${events.stepId}) from ${events} where ${ofVisitor} and ${events.type} = 'step.completed')`,
      sandboxActions: countOf("sandbox.action"),
      handRaises: countOf("handraise"),
    })
    .from(visitors)
    .where(
      includeBots
        ? eq(visitors.doNotTrack, false)
        : and(eq(visitors.bot, false), eq(visitors.doNotTrack, false), sql`not ${automatedOnly}`),
    )
    .orderBy(desc(visitors.lastSeenAt))
    .limit(limit)
    .all();
  const tried = demosTried(
    rows.map((row) => row.id),
    db,
  );
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
      stepsCompleted: Math.min(row.stepsCompleted ?? 0, stepsTotal),
      stepsTotal,
      sandboxActions: row.sandboxActions ?? 0,
      handRaised: (row.handRaises ?? 0) > 0,
      source: row.source ?? null,
      client: [row.browser, row.os, row.device].filter(Boolean).join(" · "),
      bot: row.bot,
    };
  });
}
