// The rep's morning page: accounts and anonymous visitors ranked by their decayed score, with the reasons.
// Both lists walk a rank index of their filter's facet (see rankKey in score.ts, hot-list-facets.ts) and stop
// at a page, so the cost does not grow with the event store nor with how few people a filter matches.
import "server-only";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { type ControlDb, controlDb } from "@/db/client";
import {
  type AccountActivity,
  accountActivity,
  accounts,
  demos,
  hotListFacets,
  type VisitorActivity,
  visitorActivity,
  visitors,
} from "@/db/control/schema";
import { isRegisteredDemo } from "@/lib/demos/gallery";
import { personaLabels } from "@/lib/demos/personas";
import { timed } from "@/lib/http/server-timing";
import { catchUpInsights } from "./fold";
import { facetFor } from "./hot-list-facets";
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
 * Each list is two queries: the ranked ids, one walk of hot_list_facets' rank index for the filter's facet
 * and kind (a rare persona costs as much as no filter), then the page's rows by id. Written in SQL so the
 * walk is pinned to the index (INDEXED BY): with statistics SQLite would rather walk people by account and
 * sort them, 700 ms at 1M events in bench:sales.
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

/** The ids of the best-ranked entries of `kind` matching the filters; `ownerUserId` keeps one rep's accounts. */
function rankedIds(kind: "account" | "visitor", filters: HotListFilters, limit: number, db: ControlDb, ownerUserId?: string) {
  const { fromMs, toMs } = filterWindow(filters);
  const conditions = [sql`${hotListFacets.facet} = ${facetFor(filters)}`, sql`${hotListFacets.kind} = ${kind}`];
  // A literal 1, not a bound parameter: only then may SQLite use the partial index of hand-raisers.
  if (filters.hand) conditions.push(sql`${hotListFacets.handRaised} = 1`);
  if (fromMs !== undefined) conditions.push(sql`${hotListFacets.lastAt} >= ${fromMs}`);
  if (toMs !== undefined) conditions.push(sql`${hotListFacets.firstAt} < ${toMs}`);
  if (ownerUserId !== undefined)
    conditions.push(
      sql`exists (select 1 from ${accounts} where ${accounts.id} = ${hotListFacets.entityId} and ${accounts.ownerUserId} = ${ownerUserId})`,
    );
  return db.all<{ id: string }>(
    sql`select ${hotListFacets.entityId} as id from ${hotListFacets} indexed by ${sql.raw(filters.hand ? "hot_list_facets_raised_rank" : "hot_list_facets_rank")}
        where ${sql.join(conditions, sql` and `)} order by ${hotListFacets.rankKey} desc limit ${limit}`,
  );
}

export function hotAccounts(
  filters: HotListFilters,
  options: { userId?: string; limit?: number; now?: number },
  db: ControlDb,
): HotAccount[] {
  const now = options.now ?? Date.now();
  const ranked = rankedIds("account", filters, options.limit ?? defaultLimit, db, filters.mine ? (options.userId ?? "") : undefined);
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
  const ranked = rankedIds("visitor", filters, options.limit ?? defaultLimit, db);
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

/** The demos the filter offers, by slug and title (no definitions parsed: the page needs nothing else). */
export function demoChoices(db: ControlDb = controlDb()): { slug: string; title: string }[] {
  return db.select({ slug: demos.slug, title: demos.title }).from(demos).orderBy(asc(demos.position), asc(demos.title)).all();
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
  const { pending } = timed("fold", () => catchUpInsights({}, db));
  const limit = options.limit ?? defaultLimit;
  const wanted = filters.mine ? "accounts" : filters.who;
  const accountRows = wanted === "anonymous" ? [] : timed("accounts", () => hotAccounts(filters, { ...options, limit }, db));
  const visitorRows = wanted === "accounts" ? [] : timed("visitors", () => hotVisitors(filters, { ...options, limit }, db));
  const entries = [...accountRows, ...visitorRows].sort((a, b) => b.rankKey - a.rankKey).slice(0, limit);
  return { ok: true, list: { entries, pending } };
}
