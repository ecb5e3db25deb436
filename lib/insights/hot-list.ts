// The rep's morning page: accounts and anonymous visitors ranked by their decayed score, with the reasons.
// Both lists walk their rank index (see rankKey in score.ts) and stop at a page, so the cost does not grow
// with the event store; filters only add cheap conditions on each row they pass.
import "server-only";
import { and, eq, gt, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import {
  type AccountActivity,
  accountActivity,
  accounts,
  sandboxes,
  type VisitorActivity,
  visitorActivity,
  visitors,
} from "@/db/control/schema";
import { isRegisteredDemo } from "@/lib/demos/gallery";
import { personaLabels } from "@/lib/demos/personas";
import { catchUpInsights } from "./fold";
import { filterWindow, type HotListFilters } from "./hot-list-filters";
import { decayedScore, type Reason, scoreReasons } from "./score";
import { demosTried } from "./visitors";

type Scored = { score: number; rawScore: number; reasons: Reason[]; lastAt: Date; firstAt: Date; handRaised: boolean; rankKey: number };
export type HotAccount = Scored & {
  kind: "account";
  id: string;
  name: string;
  domain: string | null;
  ownerUserId: string | null;
  people: number;
};
export type HotVisitor = Scored & {
  kind: "visitor";
  id: string;
  client: string;
  source: Record<string, string> | null;
  demos: string[];
  personas: string[];
};
export type HotEntry = HotAccount | HotVisitor;

export type HotList = { entries: HotEntry[]; pending: number };

const defaultLimit = 50;

/*
 * Each list is two queries: the ranked ids, written in SQL so that the walk is pinned to the rank index
 * (INDEXED BY, CROSS JOIN keeps it the outer loop) — with statistics, SQLite would rather walk visitors by
 * account, every anonymous one, and sort them: 700 ms at 1M events in bench:sales — then the page's rows by id.
 */
const ids = (ranked: { id: string }[]) => (ranked.length > 0 ? ranked.map((row) => row.id) : [""]);

function inRankOrder<Row>(ranked: { id: string }[], rows: Row[], idOf: (row: Row) => string): Row[] {
  const byId = new Map(rows.map((row) => [idOf(row), row]));
  return ranked.flatMap((row) => byId.get(row.id) ?? []);
}

function scored(row: AccountActivity | VisitorActivity, colleagues: number, now: number): Scored {
  return {
    score: decayedScore(row.rawScore, row.lastAt.getTime(), now),
    rawScore: row.rawScore,
    reasons: scoreReasons({ ...row, colleagues }),
    lastAt: row.lastAt,
    firstAt: row.firstAt,
    handRaised: row.handraises > 0,
    rankKey: row.rankKey,
  };
}

/** A sandbox of the visitor matching the demo / persona filters (the index on visitor and demo serves it). */
function triedCondition(visitorId: SQL, filters: HotListFilters): SQL | undefined {
  if (!filters.demo && !filters.persona) return undefined;
  const conditions = [sql`${sandboxes.visitorId} = ${visitorId}`];
  if (filters.demo) conditions.push(sql`${sandboxes.demoSlug} = ${filters.demo}`);
  if (filters.persona) conditions.push(sql`json_extract(${sandboxes.personalization}, '$.persona') = ${filters.persona}`);
  return sql`exists (select 1 from ${sandboxes} where ${sql.join(conditions, sql` and `)})`;
}

function activeIn(table: typeof accountActivity | typeof visitorActivity, filters: HotListFilters): SQL[] {
  const { fromMs, toMs } = filterWindow(filters);
  const conditions: SQL[] = [];
  if (fromMs !== undefined) conditions.push(sql`${table.lastAt} >= ${fromMs}`);
  if (toMs !== undefined) conditions.push(sql`${table.firstAt} < ${toMs}`);
  // A literal 0, not a bound parameter: only then may SQLite use the partial index of hand-raisers.
  if (filters.hand) conditions.push(sql`${table.handraises} > 0`);
  return conditions;
}

export function hotAccounts(
  filters: HotListFilters,
  options: { userId?: string; limit?: number; now?: number },
  db: ControlDb,
): HotAccount[] {
  const now = options.now ?? Date.now();
  const tried = triedCondition(sql`v.id`, filters);
  const conditions = and(
    gt(accountActivity.people, 0),
    ...activeIn(accountActivity, filters),
    filters.mine ? eq(accounts.ownerUserId, options.userId ?? "") : undefined,
    tried ? sql`exists (select 1 from ${visitors} v where v.account_id = ${accounts.id} and ${tried})` : undefined,
  );
  const ranked = db.all<{ id: string }>(
    sql`select ${accountActivity.accountId} as id from ${accountActivity} indexed by ${sql.raw(filters.hand ? "account_activity_raised_rank" : "account_activity_rank")}
        cross join ${accounts} on ${accounts.id} = ${accountActivity.accountId}
        where ${conditions} order by ${accountActivity.rankKey} desc limit ${options.limit ?? defaultLimit}`,
  );
  const rows = inRankOrder(
    ranked,
    db
      .select({ activity: accountActivity, account: accounts })
      .from(accountActivity)
      .innerJoin(accounts, eq(accounts.id, accountActivity.accountId))
      .where(inArray(accountActivity.accountId, ids(ranked)))
      .all(),
    (row) => row.account.id,
  );
  return rows.map(({ activity, account }) => ({
    kind: "account",
    id: account.id,
    name: account.name,
    domain: account.domain,
    ownerUserId: account.ownerUserId,
    people: activity.people,
    ...scored(activity, activity.people - 1, now),
  }));
}

export function hotVisitors(filters: HotListFilters, options: { limit?: number; now?: number }, db: ControlDb): HotVisitor[] {
  const now = options.now ?? Date.now();
  const conditions = and(
    isNull(visitors.accountId),
    eq(visitors.bot, false),
    eq(visitors.doNotTrack, false),
    // An automated browser that never interacted is an opening, not a person (as the visitor list decides).
    or(gt(visitorActivity.humanEvents, 0), gt(visitorActivity.interactions, 0)),
    ...activeIn(visitorActivity, filters),
    triedCondition(sql`${visitors.id}`, filters),
  );
  const ranked = db.all<{ id: string }>(
    sql`select ${visitorActivity.visitorId} as id from ${visitorActivity} indexed by ${sql.raw(filters.hand ? "visitor_activity_raised_rank" : "visitor_activity_rank")}
        cross join ${visitors} on ${visitors.id} = ${visitorActivity.visitorId}
        where ${conditions} order by ${visitorActivity.rankKey} desc limit ${options.limit ?? defaultLimit}`,
  );
  const rows = inRankOrder(
    ranked,
    db
      .select({ activity: visitorActivity, visitor: visitors })
      .from(visitorActivity)
      .innerJoin(visitors, eq(visitors.id, visitorActivity.visitorId))
      .where(inArray(visitorActivity.visitorId, ids(ranked)))
      .all(),
    (row) => row.visitor.id,
  );
  const tried = demosTried(
    rows.map(({ visitor }) => visitor.id),
    db,
  );
  return rows.map(({ activity, visitor }) => {
    const perDemo = [...(tried.get(visitor.id)?.entries() ?? [])];
    return {
      kind: "visitor",
      id: visitor.id,
      client: [visitor.browser, visitor.os, visitor.device].filter(Boolean).join(" · "),
      source: visitor.source ?? null,
      demos: perDemo.map(([slug]) => slug),
      personas: [...new Set(perDemo.flatMap(([, demo]) => (demo.persona ? [personaLabels[demo.persona]] : [])))],
      ...scored(activity, 0, now),
    };
  });
}

export type HotListResult = { ok: true; list: HotList } | { ok: false; error: string };

/**
 * The ranked page for the filters. An unknown demo is the rep's typo, said as such; everything else was
 * checked when the filters were parsed.
 */
export function hotList(
  filters: HotListFilters,
  options: { userId?: string; limit?: number; now?: number } = {},
  db: ControlDb = controlDb(),
): HotListResult {
  if (filters.demo && !isRegisteredDemo(filters.demo)) return { ok: false, error: `demo: there is no demo named “${filters.demo}”` };
  const { pending } = catchUpInsights({}, db);
  const limit = options.limit ?? defaultLimit;
  const wanted = filters.mine ? "accounts" : filters.who;
  const accountRows = wanted === "anonymous" ? [] : hotAccounts(filters, { ...options, limit }, db);
  const visitorRows = wanted === "accounts" ? [] : hotVisitors(filters, { ...options, limit }, db);
  const entries = [...accountRows, ...visitorRows].sort((a, b) => b.rankKey - a.rankKey).slice(0, limit);
  return { ok: true, list: { entries, pending } };
}
