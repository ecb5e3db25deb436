// What a rep sees about visitors, derived only from usage signals: never from a form.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import { demos, events, sandboxes, visitors } from "@/db/control/schema";
import type { DemoDefinition } from "@/lib/demos/demo-schema";
import { interactionTypes } from "@/lib/signals/event-schema";

export type VisitorSummary = {
  id: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  demos: string[];
  stepsCompleted: number;
  stepsTotal: number;
  sandboxActions: number;
  handRaised: boolean;
  source: Record<string, string> | null;
  client: string;
  bot: boolean;
};

function stepCounts(db: ControlDb): Map<string, number> {
  return new Map(
    db
      .select({ slug: demos.slug, definition: demos.definition })
      .from(demos)
      .all()
      .map((row) => [row.slug, (row.definition as DemoDefinition).steps.length]),
  );
}

const interactionCount = sql`sum(case when ${events.type} in (${sql.join(
  interactionTypes.map((type) => sql`${type}`),
  sql`, `,
)}) then 1 else 0 end)`;

/** Visitors, newest activity first; bots and headless clients only when asked for. */
export function listVisitors(options: { limit?: number; includeBots?: boolean } = {}, db: ControlDb = controlDb()): VisitorSummary[] {
  const { limit = 200, includeBots = false } = options;
  const totals = stepCounts(db);
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
      demos: sql<
        string | null
      >`(select group_concat(distinct ${sandboxes.demoSlug}) from ${sandboxes} where ${sandboxes.visitorId} = ${visitors.id})`,
      stepsCompleted: sql<number>`count(distinct case when ${events.type} = 'step.completed' then ${events.demoSlug} || ':' || ${events.stepId} end)`,
      sandboxActions: sql<number>`sum(case when ${events.type} = 'sandbox.action' then 1 else 0 end)`,
      handRaises: sql<number>`sum(case when ${events.type} = 'handraise' then 1 else 0 end)`,
    })
    .from(visitors)
    .leftJoin(events, eq(events.visitorId, visitors.id))
    .where(includeBots ? eq(visitors.doNotTrack, false) : and(eq(visitors.bot, false), eq(visitors.doNotTrack, false)))
    .groupBy(visitors.id)
    // An automated browser that never interacted (every event marked, no click, action or hand-raise) is a bot too.
    .having(
      includeBots ? undefined : sql`not (count(${events.id}) > 0 and sum(${events.bot}) = count(${events.id}) and ${interactionCount} = 0)`,
    )
    .orderBy(desc(visitors.lastSeenAt))
    .limit(limit)
    .all();
  return rows.map((row) => {
    const demoList = row.demos ? row.demos.split(",") : [];
    return {
      id: row.id,
      firstSeenAt: row.firstSeenAt,
      lastSeenAt: row.lastSeenAt,
      demos: demoList,
      stepsCompleted: row.stepsCompleted ?? 0,
      stepsTotal: demoList.reduce((sum, slug) => sum + (totals.get(slug) ?? 0), 0),
      sandboxActions: row.sandboxActions ?? 0,
      handRaised: (row.handRaises ?? 0) > 0,
      source: row.source ?? null,
      client: [row.browser, row.os, row.device].filter(Boolean).join(" · "),
      bot: row.bot,
    };
  });
}

/** One visitor's journey: every event in the order it happened. */
export function visitorJourney(visitorId: string, db: ControlDb = controlDb()) {
  const visitor = db.select().from(visitors).where(eq(visitors.id, visitorId)).get();
  // Someone who asked not to be tracked has no journey to show, not even an empty one.
  if (!visitor || visitor.doNotTrack) return undefined;
  const timeline = db.select().from(events).where(eq(events.visitorId, visitorId)).orderBy(asc(events.occurredAt), asc(events.id)).all();
  return { visitor, timeline };
}
