// The rep pages' aggregates, folded from events (lib/insights/fold.ts): per-visitor and per-account activity,
// the hot list's facet rows, funnel marks and counts, and how far the fold has read. Reads and writes here go
// by the set — one statement for every visitor a chunk touched — because each round trip counts on PostgreSQL.
import "server-only";
import { and, eq, gte, inArray, isNotNull, sql } from "drizzle-orm";
import type { Sandbox } from "@/db/control/schema";
import type { Store } from "@/db/store";
import type { Counters } from "@/lib/insights/activity";
import { counterNames } from "@/lib/insights/activity";

/** Rows per multi-row statement: under both databases' caps on bound parameters. */
const rowsPerStatement = 400;

async function inChunks<Row>(rows: Row[], each: (chunk: Row[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += rowsPerStatement) await each(rows.slice(start, start + rowsPerStatement));
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const aggregateColumns = [...counterNames, "firstAt", "lastAt", "longestGapMs", "rawScore", "rankKey"] as const;
/** `excluded.<column>` for every aggregate column: an upsert replaces the whole row. */
const replaceAll = (extra: string[] = []) =>
  Object.fromEntries([...aggregateColumns, ...extra].map((name) => [name, sql.raw(`excluded.${snake(name)}`)]));

export type ActivityRow = { counters: Counters; rawScore: number; rankKey: number };

function countersOf(row: Omit<Counters, "firstAt" | "lastAt"> & { firstAt: Date; lastAt: Date }): Counters {
  const counters = Object.fromEntries(counterNames.map((name) => [name, row[name]])) as Record<(typeof counterNames)[number], number>;
  return { ...counters, firstAt: row.firstAt.getTime(), lastAt: row.lastAt.getTime(), longestGapMs: row.longestGapMs };
}

function aggregateValues(row: ActivityRow) {
  return {
    ...row.counters,
    firstAt: new Date(row.counters.firstAt),
    lastAt: new Date(row.counters.lastAt),
    rawScore: row.rawScore,
    rankKey: row.rankKey,
  };
}

/** Where the fold named `name` has read to (a cursor of db/store.ts's eventsAfter), or null before it ever ran. */
export async function foldPosition(name: string, tx: Store): Promise<string | null> {
  const { foldWatermarks } = tx.t;
  return (
    (await tx.one(tx.db.select({ position: foldWatermarks.position }).from(foldWatermarks).where(eq(foldWatermarks.name, name))))
      ?.position ?? null
  );
}

export async function setFoldPosition(name: string, position: string, tx: Store): Promise<void> {
  const { foldWatermarks } = tx.t;
  await tx.run(
    tx.db.insert(foldWatermarks).values({ name, position }).onConflictDoUpdate({ target: foldWatermarks.name, set: { position } }),
  );
}

/** The stored aggregates of these visitors. */
export async function visitorActivities(visitorIds: string[], tx: Store): Promise<Map<string, Counters>> {
  const { visitorActivity } = tx.t;
  const found = new Map<string, Counters>();
  if (visitorIds.length === 0) return found;
  await inChunks(visitorIds, async (ids) => {
    for (const row of await tx.all(tx.db.select().from(visitorActivity).where(inArray(visitorActivity.visitorId, ids)))) {
      found.set(row.visitorId, countersOf(row));
    }
  });
  return found;
}

export async function upsertVisitorActivities(rows: (ActivityRow & { visitorId: string })[], tx: Store): Promise<void> {
  const { visitorActivity } = tx.t;
  await inChunks(rows, (chunk) =>
    tx.run(
      tx.db
        .insert(visitorActivity)
        .values(chunk.map((row) => ({ visitorId: row.visitorId, ...aggregateValues(row) })))
        .onConflictDoUpdate({ target: visitorActivity.visitorId, set: replaceAll() }),
    ),
  );
}

export type VisitorFacts = { bot: boolean; listable: boolean; accountId: string | null; embeddedPage: string | null };

/**
 * What the fold needs to know of each visitor: whether they are a known bot, whether the hot list shows them
 * on their own (not in an account, not automated, not asking to be left out), and the page that embedded the
 * demo they started from, if one did (their funnel source).
 */
export async function visitorFacts(visitorIds: string[], tx: Store): Promise<Map<string, VisitorFacts>> {
  const { visitors } = tx.t;
  const found = new Map<string, VisitorFacts>();
  await inChunks(visitorIds, async (ids) => {
    const rows = await tx.all(
      tx.db
        .select({
          id: visitors.id,
          bot: visitors.bot,
          doNotTrack: visitors.doNotTrack,
          accountId: visitors.accountId,
          embeddedPage: sql<string | null>`${tx.sql.jsonText(visitors.source, "embedded")}`,
        })
        .from(visitors)
        .where(inArray(visitors.id, ids)),
    );
    for (const row of rows)
      found.set(row.id, {
        bot: row.bot,
        listable: row.accountId === null && !row.bot && !row.doNotTrack,
        accountId: row.accountId,
        embeddedPage: row.embeddedPage,
      });
  });
  return found;
}

/** The personalization each sandbox was made with (its persona is the funnel's path). */
export async function sandboxPersonalizationsById(sandboxIds: string[], tx: Store): Promise<Map<string, Sandbox["personalization"]>> {
  const { sandboxes } = tx.t;
  const found = new Map<string, Sandbox["personalization"]>();
  await inChunks(sandboxIds, async (ids) => {
    const rows = await tx.all(
      tx.db.select({ id: sandboxes.id, personalization: sandboxes.personalization }).from(sandboxes).where(inArray(sandboxes.id, ids)),
    );
    for (const row of rows) found.set(row.id, row.personalization);
  });
  return found;
}

export type FunnelMark = { visitorId: string; demoSlug: string; stage: string };

/** Records stages reached; returns the marks that are new (each visitor counts once per stage). */
export async function insertFunnelMarks(marks: FunnelMark[], tx: Store): Promise<FunnelMark[]> {
  const { funnelMarks } = tx.t;
  const inserted: FunnelMark[] = [];
  await inChunks(marks, async (chunk) => {
    inserted.push(
      ...(await tx.all(
        tx.db
          .insert(funnelMarks)
          .values(chunk)
          .onConflictDoNothing()
          .returning({ visitorId: funnelMarks.visitorId, demoSlug: funnelMarks.demoSlug, stage: funnelMarks.stage }),
      )),
    );
  });
  return inserted;
}

export type FunnelCount = { demoSlug: string; persona: string; locale: string; source: string; stage: string; visitors: number };

export async function addFunnelCounts(counts: FunnelCount[], tx: Store): Promise<void> {
  const { funnelCounts } = tx.t;
  await inChunks(counts, (chunk) =>
    tx.run(
      tx.db
        .insert(funnelCounts)
        .values(chunk)
        .onConflictDoUpdate({
          target: [funnelCounts.demoSlug, funnelCounts.stage, funnelCounts.persona, funnelCounts.locale, funnelCounts.source],
          set: { visitors: sql`${funnelCounts.visitors} + excluded.visitors` },
        }),
    ),
  );
}

/** An account's people who interacted, summed: its aggregate before scoring. */
export async function accountTotals(accountId: string, tx: Store): Promise<(Counters & { people: number }) | undefined> {
  const { visitors, visitorActivity } = tx.t;
  const no = tx.sql.literal(false);
  const sums = Object.fromEntries(counterNames.map((name) => [name, sql<number>`coalesce(sum(${visitorActivity[name]}), 0)`])) as Record<
    (typeof counterNames)[number],
    ReturnType<typeof sql<number>>
  >;
  const row = await tx.one(
    tx.db
      .select({
        people: sql<number>`count(*)`,
        firstAt: sql<number | null>`min(${visitorActivity.firstAt})`,
        lastAt: sql<number | null>`max(${visitorActivity.lastAt})`,
        longestGapMs: sql<number | null>`max(${visitorActivity.longestGapMs})`,
        ...sums,
      })
      .from(visitors)
      .innerJoin(visitorActivity, eq(visitorActivity.visitorId, visitors.id))
      .where(
        and(
          eq(visitors.accountId, accountId),
          sql`${visitors.bot} = ${no}`,
          sql`${visitors.doNotTrack} = ${no}`,
          sql`${visitorActivity.interactions} > 0`,
        ),
      ),
  );
  if (!row || Number(row.people) === 0 || row.firstAt === null || row.lastAt === null) return undefined;
  const counters = Object.fromEntries(counterNames.map((name) => [name, Number(row[name])])) as Record<
    (typeof counterNames)[number],
    number
  >;
  return {
    ...counters,
    people: Number(row.people),
    firstAt: Number(row.firstAt),
    lastAt: Number(row.lastAt),
    longestGapMs: Number(row.longestGapMs ?? 0),
  };
}

export async function accountScoreState(accountId: string, tx: Store): Promise<{ rawScore: number; lastAt: number } | undefined> {
  const { accountActivity } = tx.t;
  const row = await tx.one(
    tx.db
      .select({ rawScore: accountActivity.rawScore, lastAt: accountActivity.lastAt })
      .from(accountActivity)
      .where(eq(accountActivity.accountId, accountId)),
  );
  return row ? { rawScore: row.rawScore, lastAt: row.lastAt.getTime() } : undefined;
}

export async function upsertAccountActivity(accountId: string, people: number, row: ActivityRow, tx: Store): Promise<void> {
  const { accountActivity } = tx.t;
  await tx.run(
    tx.db
      .insert(accountActivity)
      .values({ accountId, people, ...aggregateValues(row) })
      .onConflictDoUpdate({ target: accountActivity.accountId, set: replaceAll(["people"]) }),
  );
}

export async function accountNameOf(accountId: string, tx: Store): Promise<string | undefined> {
  const { accounts } = tx.t;
  return (await tx.one(tx.db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, accountId))))?.name;
}

// ---- the hot list's facet rows ----

export type FacetRow = {
  facet: string;
  kind: "account" | "visitor";
  entityId: string;
  rankKey: number;
  handRaised: boolean;
  firstAt: Date;
  lastAt: Date;
};
export type Tried = { owner: string; demo: string; persona: string | null };

export async function deleteFacetRows(kind: FacetRow["kind"], entityIds: string[], tx: Store): Promise<void> {
  const { hotListFacets } = tx.t;
  await inChunks(entityIds, (ids) =>
    tx.run(tx.db.delete(hotListFacets).where(and(eq(hotListFacets.kind, kind), inArray(hotListFacets.entityId, ids)))),
  );
}

export async function insertFacetRows(rows: FacetRow[], tx: Store): Promise<void> {
  await inChunks(rows, (chunk) => tx.run(tx.db.insert(tx.t.hotListFacets).values(chunk).onConflictDoNothing()));
}

/** The demos (and the persona each sandbox took) these visitors tried. */
export function demosTriedByVisitors(visitorIds: string[], tx: Store): Promise<Tried[]> {
  const { sandboxes } = tx.t;
  if (visitorIds.length === 0) return Promise.resolve([]);
  return tx.all(
    tx.db
      .selectDistinct({
        owner: sandboxes.visitorId,
        demo: sandboxes.demoSlug,
        persona: sql<string | null>`${tx.sql.jsonText(sandboxes.personalization, "persona")}`,
      })
      .from(sandboxes)
      .where(inArray(sandboxes.visitorId, visitorIds)),
  );
}

/** The demos (and personas) an account's visitors tried. */
export function demosTriedByAccount(accountId: string, tx: Store): Promise<Tried[]> {
  const { sandboxes, visitors } = tx.t;
  return tx.all(
    tx.db
      .selectDistinct({
        owner: visitors.accountId,
        demo: sandboxes.demoSlug,
        persona: sql<string | null>`${tx.sql.jsonText(sandboxes.personalization, "persona")}`,
      })
      .from(visitors)
      .innerJoin(sandboxes, eq(sandboxes.visitorId, visitors.id))
      .where(eq(visitors.accountId, accountId)),
  ) as Promise<Tried[]>;
}

// ---- funnels ----

export function funnelCountsAtStage(stage: string, s: Store) {
  const { funnelCounts } = s.t;
  return s.all(s.db.select().from(funnelCounts).where(eq(funnelCounts.stage, stage)));
}

export function funnelCountsOf(demoSlug: string, s: Store) {
  const { funnelCounts } = s.t;
  return s.all(s.db.select().from(funnelCounts).where(eq(funnelCounts.demoSlug, demoSlug)));
}

/** Views and target misses of each demo step since `since`, split into those since `recentSince` and the rest. */
export function stepViewsAndMisses(since: number, recentSince: number, s: Store) {
  const { events } = s.t;
  const recent = sql<number>`sum(case when ${events.occurredAt} >= ${recentSince} then 1 else 0 end)`;
  return s.all(
    s.db
      .select({ slug: events.demoSlug, step: events.stepId, type: events.type, recent, all: sql<number>`count(*)` })
      .from(events)
      .where(
        and(
          gte(events.occurredAt, new Date(since)),
          inArray(events.type, ["step.viewed", "step.target_missing"]),
          eq(events.bot, false),
          isNotNull(events.demoSlug),
          isNotNull(events.stepId),
        ),
      )
      .groupBy(events.demoSlug, events.stepId, events.type),
  );
}
