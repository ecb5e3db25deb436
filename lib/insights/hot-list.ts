// The rep's morning page: accounts and anonymous visitors ranked by their decayed score, with the reasons.
// Both lists walk their rank index (see rankKey in score.ts) and stop at a page, so the cost does not grow
// with the event store; filters only add cheap conditions on each row they pass.
import "server-only";
import { and, desc, eq, gt, isNull, or, type SQL, sql } from "drizzle-orm";
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
  if (filters.hand) conditions.push(gt(table.handraises, 0));
  return conditions;
}

export function hotAccounts(
  filters: HotListFilters,
  options: { userId?: string; limit?: number; now?: number },
  db: ControlDb,
): HotAccount[] {
  const now = options.now ?? Date.now();
  const tried = triedCondition(sql`v.id`, filters);
  const rows = db
    .select({ activity: accountActivity, account: accounts })
    .from(accountActivity)
    .innerJoin(accounts, eq(accounts.id, accountActivity.accountId))
    .where(
      and(
        gt(accountActivity.people, 0),
        ...activeIn(accountActivity, filters),
        filters.mine ? eq(accounts.ownerUserId, options.userId ?? "") : undefined,
        tried ? sql`exists (select 1 from ${visitors} v where v.account_id = ${accounts.id} and ${tried})` : undefined,
      ),
    )
    .orderBy(desc(accountActivity.rankKey))
    .limit(options.limit ?? defaultLimit)
    .all();
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
  const rows = db
    .select({ activity: visitorActivity, visitor: visitors })
    .from(visitorActivity)
    .innerJoin(visitors, eq(visitors.id, visitorActivity.visitorId))
    .where(
      and(
        isNull(visitors.accountId),
        eq(visitors.bot, false),
        eq(visitors.doNotTrack, false),
        // An automated browser that never interacted is an opening, not a person (as the visitor list decides).
        or(gt(visitorActivity.humanEvents, 0), gt(visitorActivity.interactions, 0)),
        ...activeIn(visitorActivity, filters),
        triedCondition(sql`${visitors.id}`, filters),
      ),
    )
    .orderBy(desc(visitorActivity.rankKey))
    .limit(options.limit ?? defaultLimit)
    .all();
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
