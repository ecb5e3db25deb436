// The rep's morning page: accounts and anonymous visitors ranked by their decayed score, with the reasons.
// Both lists walk a rank index of their filter's facet (see rankKey in score.ts, hot-list-facets.ts) and stop
// at a page, so the cost does not grow with the event store nor with how few people a filter matches.
import "server-only";
import type { AccountActivity, VisitorActivity } from "@/db/control/schema";
import { accountActivityRows, demoTitles, rankedIds, visitorActivityRows } from "@/db/queries/rep-views";
import type { HotAccountEntry, HotVisitorEntry } from "@/lib/contracts/hot-list";
import { isRegisteredDemo } from "@/lib/demos/gallery";
import { personaLabels } from "@/lib/demos/personas";
import { timed } from "@/lib/http/server-timing";
import { catchUpInsights } from "./fold";
import { facetFor } from "./hot-list-facets";
import { filterWindow, type HotListFilters } from "./hot-list-filters";
import { decayedScore, type Reason, scoreReasons } from "./score";
import { demosTried, madeForOf } from "./visitors";

/**
 * An entry as the JSON API sends it (lib/contracts/hot-list.ts), before JSON: Dates rather than their strings, the
 * reasons not yet one line, and the rank the page was cut by. So a field renamed there is renamed here or fails tsc.
 */
type Unsent<Entry> = Omit<Entry, "lastAt" | "firstAt" | "reasons" | "reasonsText"> & Scored;
type Scored = { reasons: Reason[]; lastAt: Date; firstAt: Date; rankKey: number };
export type HotAccount = Unsent<HotAccountEntry>;
export type HotVisitor = Unsent<HotVisitorEntry>;
export type HotEntry = HotAccount | HotVisitor;

export type HotList = { entries: HotEntry[]; pending: number };

const defaultLimit = 50;

/*
 * Each list is two queries: the ranked ids, one walk of hot_list_facets' rank index for the filter's facet
 * and kind (a rare persona costs as much as no filter), then the page's rows by id (db/queries/rep-views.ts).
 */
const ids = (ranked: { id: string }[]) => ranked.map((row) => row.id);

function inRankOrder<Row>(ranked: { id: string }[], rows: Row[], idOf: (row: Row) => string): Row[] {
  const byId = new Map(rows.map((row) => [idOf(row), row]));
  return ranked.flatMap((row) => byId.get(row.id) ?? []);
}

function scored(row: AccountActivity | VisitorActivity, colleagues: number, now: number) {
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
function ranked(kind: "account" | "visitor", filters: HotListFilters, limit: number, ownerUserId?: string) {
  const { fromMs, toMs } = filterWindow(filters);
  return rankedIds({ facet: facetFor(filters), kind, handRaised: Boolean(filters.hand), fromMs, toMs, ownerUserId }, limit);
}

export async function hotAccounts(
  filters: HotListFilters,
  options: { userId?: string; limit?: number; now?: number },
): Promise<HotAccount[]> {
  const now = options.now ?? Date.now();
  const order = await ranked("account", filters, options.limit ?? defaultLimit, filters.mine ? (options.userId ?? "") : undefined);
  const rows = inRankOrder(order, await accountActivityRows(ids(order)), (row) => row.account.id);
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

export async function hotVisitors(filters: HotListFilters, options: { limit?: number; now?: number }): Promise<HotVisitor[]> {
  const now = options.now ?? Date.now();
  const order = await ranked("visitor", filters, options.limit ?? defaultLimit);
  // The rows and the demos they tried both need only the ids: read together (round trips on PostgreSQL).
  const [activity, tried] = await Promise.all([visitorActivityRows(ids(order)), demosTried(ids(order))]);
  const rows = inRankOrder(order, activity, (row) => row.visitor.id);
  return rows.map(({ activity, visitor }) => {
    const perDemo = [...(tried.get(visitor.id)?.entries() ?? [])];
    return {
      kind: "visitor",
      id: visitor.id,
      client: [visitor.browser, visitor.os, visitor.device].filter(Boolean).join(" · "),
      source: visitor.source ?? null,
      demos: perDemo.map(([slug]) => slug),
      personas: [...new Set(perDemo.flatMap(([, demo]) => (demo.persona ? [personaLabels[demo.persona]] : [])))],
      madeFor: madeForOf(tried.get(visitor.id)),
      ...scored(activity, 0, now),
    };
  });
}

/** The demos the filter offers, by slug and title (no definitions parsed: the page needs nothing else). */
export function demoChoices(): Promise<{ slug: string; title: string }[]> {
  return demoTitles();
}

export type HotListResult = { ok: true; list: HotList } | { ok: false; error: string };

/**
 * The ranked page for the filters. An unknown demo is the rep's typo, said as such; everything else was
 * checked when the filters were parsed.
 */
export async function hotList(
  filters: HotListFilters,
  options: { userId?: string; limit?: number; now?: number } = {},
): Promise<HotListResult> {
  // Independent reads run together (each is a round trip on PostgreSQL); the lists wait for the fold's tail.
  const [registered, { pending }] = await Promise.all([!filters.demo || isRegisteredDemo(filters.demo), catchUpInsights({})]);
  if (!registered) return { ok: false, error: `demo: there is no demo named “${filters.demo}”` };
  const limit = options.limit ?? defaultLimit;
  const wanted = filters.mine ? "accounts" : filters.who;
  const [accountRows, visitorRows] = await Promise.all([
    wanted === "anonymous" ? [] : timed("accounts", () => hotAccounts(filters, { ...options, limit })),
    wanted === "accounts" ? [] : timed("visitors", () => hotVisitors(filters, { ...options, limit })),
  ]);
  const entries = [...accountRows, ...visitorRows].sort((a, b) => b.rankKey - a.rankKey).slice(0, limit);
  return { ok: true, list: { entries, pending } };
}
