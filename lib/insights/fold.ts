// Folds new events into the per-visitor, per-account and funnel aggregates the rep pages read, so no page
// scans history. It runs beside ingest, never inside it: a background timer (startInsightsFold) takes small
// chunks between requests, and a page first folds the little tail the timer has not reached yet.
import "server-only";
import { store } from "@/db/control-plane";
import {
  accountScoreState,
  accountTotals,
  addFunnelCounts,
  demosTriedByAccount,
  demosTriedByVisitors,
  type FunnelCount,
  type FunnelMark,
  foldPosition,
  insertFunnelMarks,
  sandboxPersonalizationsById,
  setFoldPosition,
  upsertAccountActivity,
  upsertVisitorActivities,
  visitorActivities,
  visitorFacts,
} from "@/db/queries/insights";
import type { CommittedEvent, Store } from "@/db/store";
import { localePattern } from "@/lib/demos/locale";
import { timed } from "@/lib/http/server-timing";
import { repeatEvery, type StopRepeating } from "@/lib/runtime/repeat";
import { everyNode, type JobGate } from "@/lib/runtime/singletons";
import { storedPersonalization } from "@/lib/sandbox/personalization";
import { applyEvent, type Counters, emptyCounters, scoreColumns } from "./activity";
import { directSource, funnelSourceOf } from "./funnel-sources";
import { funnelStageOf } from "./funnel-stages";
import { rewriteFacets } from "./hot-list-facets";
import { crossedThreshold, enqueueScoreCrossed, type ScoreState } from "./score-alerts";

const watermarkName = "insights";

/** The demo locale the tour reported (props.locale), or "" when it did not say. */
const localeOf = (props: Record<string, unknown> | null) =>
  typeof props?.locale === "string" && localePattern.test(props.locale) ? props.locale : "";

/** A visitor funnels and the hot list count: an event not marked automated, or an interaction. */
const isPerson = (counters: Counters) => counters.humanEvents > 0 || counters.interactions > 0;

type FunnelEvent = Pick<CommittedEvent, "visitorId" | "sandboxId" | "demoSlug" | "type" | "stepId" | "props">;

/**
 * Collects the funnel stages a chunk's events reach, the first event per visitor, demo and stage deciding its
 * persona path and locale; the source is the visitor's own (set on arrival, never changed). `write` stores the
 * marks and counts only the ones that are new.
 */
function funnelMarker(personaOf: (sandboxId: string | null) => string, sourceOf: (visitorId: string) => string) {
  const marks = new Map<string, FunnelMark & { persona: string; locale: string; source: string }>();
  return {
    mark(row: FunnelEvent) {
      if (!row.visitorId || !row.demoSlug) return;
      const stage = funnelStageOf(row.type, row.stepId, row.props?.option);
      if (!stage) return;
      const key = JSON.stringify([row.visitorId, row.demoSlug, stage]);
      if (!marks.has(key))
        marks.set(key, {
          visitorId: row.visitorId,
          demoSlug: row.demoSlug,
          stage,
          persona: personaOf(row.sandboxId),
          locale: localeOf(row.props),
          source: sourceOf(row.visitorId),
        });
    },
    async write(tx: Store) {
      if (marks.size === 0) return;
      const fresh = await insertFunnelMarks(
        [...marks.values()].map(({ visitorId, demoSlug, stage }) => ({ visitorId, demoSlug, stage })),
        tx,
      );
      const counts = new Map<string, FunnelCount>();
      for (const mark of fresh) {
        const { persona, locale, source } = marks.get(JSON.stringify([mark.visitorId, mark.demoSlug, mark.stage])) ?? {
          persona: "",
          locale: "",
          source: directSource,
        };
        const key = JSON.stringify([mark.demoSlug, persona, locale, source, mark.stage]);
        const count = counts.get(key) ?? { demoSlug: mark.demoSlug, persona, locale, source, stage: mark.stage, visitors: 0 };
        count.visitors += 1;
        counts.set(key, count);
      }
      await addFunnelCounts([...counts.values()], tx);
    },
  };
}

/** Folds up to `limit` events past the watermark in one transaction; returns how many it read. */
function foldChunk(limit: number, now: number): Promise<number> {
  return store().transaction(async (tx) => {
    // One fold at a time reads past the watermark and moves it, whichever process runs it.
    await tx.special.takeTurn("fold");
    const rows = await tx.special.eventsAfter(await foldPosition(watermarkName, tx), limit);
    if (rows.length === 0) return 0;
    const linked = rows.filter((row): row is CommittedEvent & { visitorId: string } => row.visitorId !== null);
    const visitorIds = [...new Set(linked.map((row) => row.visitorId))];
    const stored = await visitorActivities(visitorIds, tx);
    const facts = await visitorFacts(visitorIds, tx);
    const personas = await sandboxPersonalizationsById([...new Set(linked.flatMap((row) => (row.sandboxId ? [row.sandboxId] : [])))], tx);
    const funnel = funnelMarker(
      (sandboxId) => (sandboxId ? (storedPersonalization(personas.get(sandboxId))?.persona ?? "") : ""),
      (visitorId) => funnelSourceOf(facts.get(visitorId)?.embeddedPage),
    );
    const touched = new Map<string, Counters>();
    // Each visitor's score before this chunk, to tell when it crosses the alert threshold.
    const before = new Map<string, ScoreState>();
    for (const row of linked) {
      let counters = touched.get(row.visitorId);
      if (!counters) {
        const previous = stored.get(row.visitorId);
        if (previous) before.set(row.visitorId, { rawScore: scoreColumns(previous).rawScore, lastAt: previous.lastAt });
        counters = previous ?? emptyCounters(row.occurredAt);
        touched.set(row.visitorId, counters);
      }
      const wasPerson = isPerson(counters);
      applyEvent(counters, { type: row.type, action: row.action, occurredAt: row.occurredAt, bot: row.bot });
      if (!isPerson(counters) || facts.get(row.visitorId)?.bot) continue;
      // An automated browser's events count in funnels from the moment it interacts, its earlier ones included.
      if (!wasPerson) for (const earlier of await tx.special.visitorEventsBefore(row.visitorId, row.cursor)) funnel.mark(earlier);
      funnel.mark(row);
    }
    await funnel.write(tx);
    const scored = [...touched].map(([visitorId, counters]) => ({ visitorId, counters, ...scoreColumns(counters) }));
    await upsertVisitorActivities(scored, tx);
    const tried = await demosTriedByVisitors(
      scored.filter(({ visitorId, counters }) => isPerson(counters) && facts.get(visitorId)?.listable).map(({ visitorId }) => visitorId),
      tx,
    );
    const entries = scored.map(({ visitorId, counters, rankKey }) => ({
      entry: {
        kind: "visitor" as const,
        id: visitorId,
        rankKey,
        handRaised: counters.handraises > 0,
        firstAt: counters.firstAt,
        lastAt: counters.lastAt,
      },
      listed: isPerson(counters) && facts.get(visitorId)?.listable === true,
    }));
    await rewriteFacets("visitor", entries, tried, tx);
    const accounts = new Set<string>();
    for (const { visitorId, counters, rawScore } of scored) {
      // Alerts follow the list: an anonymous visitor alerts as themselves, one in an account as the account.
      const listed = isPerson(counters) && facts.get(visitorId)?.listable === true;
      if (listed && crossedThreshold(before.get(visitorId), { rawScore, lastAt: counters.lastAt }, now))
        await enqueueScoreCrossed(tx, { kind: "visitor", id: visitorId, counters, colleagues: 0 }, now);
      const accountId = facts.get(visitorId)?.accountId;
      if (accountId) accounts.add(accountId);
    }
    for (const accountId of accounts) await refreshAccount(accountId, now, tx);
    await setFoldPosition(watermarkName, rows.at(-1)?.cursor ?? "", tx);
    return rows.length;
  });
}

async function refreshAccount(accountId: string, now: number, tx: Store): Promise<void> {
  const totals = await accountTotals(accountId, tx);
  if (!totals) {
    await upsertAccountActivity(accountId, 0, { counters: emptyCounters(0), rawScore: 0, rankKey: -1e9 }, tx);
    await rewriteFacets(
      "account",
      [{ entry: { kind: "account", id: accountId, rankKey: -1e9, handRaised: false, firstAt: 0, lastAt: 0 }, listed: false }],
      [],
      tx,
    );
    return;
  }
  const previous = await accountScoreState(accountId, tx);
  const colleagues = totals.people - 1;
  const score = scoreColumns(totals, colleagues);
  await upsertAccountActivity(accountId, totals.people, { counters: totals, ...score }, tx);
  const entry = {
    kind: "account" as const,
    id: accountId,
    rankKey: score.rankKey,
    handRaised: totals.handraises > 0,
    firstAt: totals.firstAt,
    lastAt: totals.lastAt,
  };
  await rewriteFacets("account", [{ entry, listed: true }], await demosTriedByAccount(accountId, tx), tx);
  if (crossedThreshold(previous, { rawScore: score.rawScore, lastAt: totals.lastAt }, now))
    await enqueueScoreCrossed(tx, { kind: "account", id: accountId, counters: totals, colleagues }, now);
}

/**
 * Folds what the background has not reached yet, up to `maxEvents`, and says how many are still waiting
 * (after a flood larger than that, a page shows the note instead of making one reader wait for all of it).
 */
export function catchUpInsights(options: { maxEvents?: number; chunk?: number; now?: number } = {}) {
  return timed("fold", () => catchUp(options));
}

async function catchUp(options: { maxEvents?: number; chunk?: number; now?: number }) {
  const { maxEvents = 20_000, chunk = 2_000 } = options;
  // A page usually finds the background fold ahead of it. Two plain reads say so; a chunk's transaction would be
  // five round trips on PostgreSQL (begin, the fold's lock, the watermark, the read, commit) and would queue on
  // that lock behind a background chunk in progress. Anything past the watermark goes the locked way.
  const s = store();
  if ((await s.special.eventsAfter(await foldPosition(watermarkName, s), 1)).length === 0) return { folded: 0, pending: 0 };
  let folded = 0;
  while (folded < maxEvents) {
    const read = await foldChunk(Math.min(chunk, maxEvents - folded), options.now ?? Date.now());
    folded += read;
    if (read === 0) return { folded, pending: 0 };
  }
  const position = await s.transaction((tx) => foldPosition(watermarkName, tx));
  return { folded, pending: await s.special.eventsPendingAfter(position) };
}

const foldEveryMs = 2_000;
const chunksPerTick = 20;
const eventsPerChunk = 500;
/** More new events than this since the last tick (1,000/s) means ingest is busy: the tick stands aside. */
const busyArrivals = 2_000;

/**
 * The background fold: every 2 s, up to twenty chunks of 500 events, yielding to the event loop between
 * chunks so a group commit never waits behind more than one chunk (~10 ms). While ingest is busy the tick
 * folds nothing — folding costs about as much per event as storing it, so keeping up during a flood would
 * halve ingest — and a page that is read meanwhile folds its own tail. Returns its stop.
 */
export function startInsightsFold(gate: JobGate = everyNode): StopRepeating {
  let lastNewest: string | null | undefined;
  return repeatEvery(
    foldEveryMs,
    "the insights fold",
    async (stopping) => {
      const newest = await store().special.newestEventCursor();
      // Counted no further than the threshold: in a flood, the whole backlog since the last tick cost PostgreSQL
      // 35–42 ms a tick (pg_stat_statements under bench:signals), CPU that ingest needed.
      const busy = lastNewest !== undefined && (await store().special.eventsPendingAfter(lastNewest, busyArrivals + 1)) > busyArrivals;
      lastNewest = newest;
      if (busy) return;
      for (let chunk = 0; chunk < chunksPerTick && !stopping(); chunk++) {
        if ((await catchUpInsights({ maxEvents: eventsPerChunk, chunk: eventsPerChunk })).folded < eventsPerChunk) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    { onlyWhen: gate },
  );
}
