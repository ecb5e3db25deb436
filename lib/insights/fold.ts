// Folds new events into the per-visitor, per-account and funnel aggregates the rep pages read, so no page
// scans history. It runs beside ingest, never inside it: a background timer (startInsightsFold) takes small
// chunks between requests, and a page first folds the little tail the timer has not reached yet.
import "server-only";
import type Database from "better-sqlite3";
import { type ControlDb, controlDb } from "@/db/client";
import { localePattern } from "@/lib/demos/locale";
import { runtime } from "@/lib/runtime/runtime";
import { storedPersonalization } from "@/lib/sandbox/personalization";
import { applyEvent, type Counters, counterNames, emptyCounters, scoreColumns } from "./activity";
import { funnelStageOf } from "./funnel-stages";
import { refreshAccountFacets, refreshVisitorFacets } from "./hot-list-facets";
import { crossedThreshold, enqueueScoreCrossed, type ScoreState } from "./score-alerts";

type EventRow = {
  position: number;
  visitorId: string | null;
  sandboxId: string | null;
  demoSlug: string | null;
  type: string;
  stepId: string | null;
  action: string | null;
  props: string | null;
  occurredAt: number;
  bot: number;
};

const columns = [
  "first_at",
  "last_at",
  "longest_gap_ms",
  ...counterNames.map((name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)),
];
const fields = ["firstAt", "lastAt", "longestGapMs", ...counterNames] as const;
const watermarkName = "insights";

function prepare(sqlite: Database.Database) {
  const selectList = fields.map((field, index) => `${columns[index]} as ${field}`).join(", ");
  const placeholders = columns.map(() => "?").join(", ");
  const updates = [...columns, "raw_score", "rank_key"].map((column) => `${column} = excluded.${column}`).join(", ");
  return {
    watermark: sqlite.prepare<[string], { position: number }>("select position from fold_watermarks where name = ?"),
    setWatermark: sqlite.prepare(
      "insert into fold_watermarks (name, position) values (?, ?) on conflict(name) do update set position = excluded.position",
    ),
    newestPosition: sqlite.prepare<[], { position: number | null }>("select max(rowid) as position from events"),
    // By rowid, not occurred_at: a batch retried an hour late carries its old times, and a watermark on time
    // would skip it. rowid is the insertion order, and walking it needs no index at all.
    events: sqlite.prepare<[number, number], EventRow>(
      `select rowid as position, visitor_id as visitorId, sandbox_id as sandboxId, demo_slug as demoSlug, type, step_id as stepId,
              action, props, occurred_at as occurredAt, bot from events where rowid > ? order by rowid limit ?`,
    ),
    pending: sqlite.prepare<[number], { pending: number }>("select count(*) as pending from events where rowid > ?"),
    visitorRow: sqlite.prepare<[string], Counters>(`select ${selectList} from visitor_activity where visitor_id = ?`),
    upsertVisitor: sqlite.prepare(
      `insert into visitor_activity (visitor_id, ${columns.join(", ")}, raw_score, rank_key) values (?, ${placeholders}, ?, ?)
       on conflict(visitor_id) do update set ${updates}`,
    ),
    accountOf: sqlite.prepare<[string], { accountId: string | null }>("select account_id as accountId from visitors where id = ?"),
    accountScore: sqlite.prepare<[string], { rawScore: number; lastAt: number }>(
      "select raw_score as rawScore, last_at as lastAt from account_activity where account_id = ?",
    ),
    accountTotals: sqlite.prepare<[string], Counters & { people: number }>(
      `select count(*) as people, min(a.first_at) as firstAt, max(a.last_at) as lastAt, max(a.longest_gap_ms) as longestGapMs,
              ${counterNames.map((name, index) => `sum(a.${columns[index + 3]}) as ${name}`).join(", ")}
       from visitors v join visitor_activity a on a.visitor_id = v.id
       where v.account_id = ? and v.bot = 0 and v.do_not_track = 0 and a.interactions > 0`,
    ),
    upsertAccount: sqlite.prepare(
      `insert into account_activity (account_id, people, ${columns.join(", ")}, raw_score, rank_key) values (?, ?, ${placeholders}, ?, ?)
       on conflict(account_id) do update set people = excluded.people, ${updates}`,
    ),
    visitorBot: sqlite.prepare<[string], { bot: number }>("select bot from visitors where id = ?"),
    visitorEventsBefore: sqlite.prepare<[string, number], Omit<EventRow, "position" | "bot">>(
      `select visitor_id as visitorId, sandbox_id as sandboxId, demo_slug as demoSlug, type, step_id as stepId, action, props,
              occurred_at as occurredAt from events where visitor_id = ? and rowid < ? order by occurred_at`,
    ),
    sandboxPersona: sqlite.prepare<[string], { personalization: string | null }>("select personalization from sandboxes where id = ?"),
    mark: sqlite.prepare("insert or ignore into funnel_marks (visitor_id, demo_slug, stage) values (?, ?, ?)"),
    count: sqlite.prepare(
      `insert into funnel_counts (demo_slug, persona, locale, stage, visitors) values (?, ?, ?, ?, 1)
       on conflict(demo_slug, stage, persona, locale) do update set visitors = visitors + 1`,
    ),
  };
}

type Statements = ReturnType<typeof prepare>;

function statementsFor(sqlite: Database.Database): Statements {
  const cache = runtime().shared("insights.fold", () => new WeakMap<Database.Database, Statements>());
  let statements = cache.get(sqlite);
  if (!statements) {
    statements = prepare(sqlite);
    cache.set(sqlite, statements);
  }
  return statements;
}

const values = (counters: Counters) => fields.map((field) => counters[field]);

function parsedProps(props: string | null): Record<string, unknown> {
  if (!props) return {};
  try {
    const parsed: unknown = JSON.parse(props);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The demo locale the tour reported (props.locale), or "" when it did not say. */
const localeOf = (props: Record<string, unknown>) =>
  typeof props.locale === "string" && localePattern.test(props.locale) ? props.locale : "";

/** A visitor funnels and the hot list count: an event not marked automated, or an interaction. */
const isPerson = (counters: Counters) => counters.humanEvents > 0 || counters.interactions > 0;

/** Marks the funnel stages events reach, once per visitor, with the persona of the sandbox they happened in. */
function funnelMarker(statements: Statements) {
  const personas = new Map<string, string>();
  const bots = new Map<string, boolean>();
  const personaOf = (sandboxId: string | null) => {
    if (!sandboxId) return "";
    let persona = personas.get(sandboxId);
    if (persona === undefined) {
      const stored = statements.sandboxPersona.get(sandboxId)?.personalization;
      persona = storedPersonalization(stored ? JSON.parse(stored) : null)?.persona ?? "";
      personas.set(sandboxId, persona);
    }
    return persona;
  };
  return {
    knownBot(visitorId: string) {
      let bot = bots.get(visitorId);
      if (bot === undefined) {
        bot = statements.visitorBot.get(visitorId)?.bot === 1;
        bots.set(visitorId, bot);
      }
      return bot;
    },
    mark(row: Omit<EventRow, "position" | "bot">) {
      if (!row.visitorId || !row.demoSlug) return;
      const props = parsedProps(row.props);
      const stage = funnelStageOf(row.type, row.stepId, props.option);
      if (stage && statements.mark.run(row.visitorId, row.demoSlug, stage).changes > 0)
        statements.count.run(row.demoSlug, personaOf(row.sandboxId), localeOf(props), stage);
    },
  };
}

/** Folds up to `limit` events past the watermark in one transaction; returns how many it read. */
function foldChunk(statements: Statements, db: ControlDb, limit: number, now: number): number {
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    const stored = statements.watermark.get(watermarkName)?.position ?? 0;
    let from = stored;
    // Retention deleted every row above the watermark: rowids restart below it, so start from what is there.
    const newest = statements.newestPosition.get()?.position ?? 0;
    if (newest < from) from = newest;
    const rows = statements.events.all(from, limit);
    if (rows.length === 0) {
      if (from !== stored) statements.setWatermark.run(watermarkName, from);
      return 0;
    }
    const touched = new Map<string, Counters>();
    // Each visitor's score before this chunk, to tell when it crosses the alert threshold.
    const before = new Map<string, ScoreState>();
    const funnel = funnelMarker(statements);
    for (const row of rows) {
      if (!row.visitorId) continue; // not linked: the visitor asked not to be tracked
      let counters = touched.get(row.visitorId);
      if (!counters) {
        const stored = statements.visitorRow.get(row.visitorId);
        if (stored) before.set(row.visitorId, { rawScore: scoreColumns(stored).rawScore, lastAt: stored.lastAt });
        counters = stored ?? emptyCounters(row.occurredAt);
        touched.set(row.visitorId, counters);
      }
      const wasPerson = isPerson(counters);
      applyEvent(counters, { type: row.type, action: row.action, occurredAt: row.occurredAt, bot: row.bot === 1 });
      if (!isPerson(counters) || funnel.knownBot(row.visitorId)) continue;
      // An automated browser's events count in funnels from the moment it interacts, its earlier ones included.
      if (!wasPerson) for (const earlier of statements.visitorEventsBefore.all(row.visitorId, row.position)) funnel.mark(earlier);
      funnel.mark(row);
    }
    const accounts = new Set<string>();
    for (const [visitorId, counters] of touched) {
      const score = scoreColumns(counters);
      statements.upsertVisitor.run(visitorId, ...values(counters), score.rawScore, score.rankKey);
      const entry = {
        id: visitorId,
        rankKey: score.rankKey,
        handRaised: counters.handraises > 0,
        firstAt: counters.firstAt,
        lastAt: counters.lastAt,
      };
      const listed = refreshVisitorFacets(sqlite, entry, isPerson(counters));
      // Alerts follow the list: an anonymous visitor alerts as themselves, one in an account as the account.
      if (listed && crossedThreshold(before.get(visitorId), { rawScore: score.rawScore, lastAt: counters.lastAt }, now))
        enqueueScoreCrossed(db, { kind: "visitor", id: visitorId, counters, colleagues: 0 }, now);
      const accountId = statements.accountOf.get(visitorId)?.accountId;
      if (accountId) accounts.add(accountId);
    }
    for (const accountId of accounts) refreshAccount(statements, db, accountId, now);
    statements.setWatermark.run(watermarkName, rows.at(-1)?.position ?? from);
    return rows.length;
  })();
}

function refreshAccount(statements: Statements, db: ControlDb, accountId: string, now: number): void {
  const totals = statements.accountTotals.get(accountId);
  if (!totals || totals.people === 0 || totals.firstAt === null) {
    statements.upsertAccount.run(accountId, 0, ...values(emptyCounters(0)), 0, -1e9);
    refreshAccountFacets(db.$client, { id: accountId, rankKey: -1e9, handRaised: false, firstAt: 0, lastAt: 0 }, 0);
    return;
  }
  const previous = statements.accountScore.get(accountId);
  const colleagues = totals.people - 1;
  const score = scoreColumns(totals, colleagues);
  statements.upsertAccount.run(accountId, totals.people, ...values(totals), score.rawScore, score.rankKey);
  const entry = {
    id: accountId,
    rankKey: score.rankKey,
    handRaised: totals.handraises > 0,
    firstAt: totals.firstAt,
    lastAt: totals.lastAt,
  };
  refreshAccountFacets(db.$client, entry, totals.people);
  if (crossedThreshold(previous, { rawScore: score.rawScore, lastAt: totals.lastAt }, now))
    enqueueScoreCrossed(db, { kind: "account", id: accountId, counters: totals, colleagues }, now);
}

/** Re-reads an account's people into its aggregate (a visitor joined it without a new event of theirs). */
export function refreshAccountActivity(accountId: string, db: ControlDb = controlDb(), now: number = Date.now()): void {
  refreshAccount(statementsFor(db.$client), db, accountId, now);
}

/**
 * Folds what the background has not reached yet, up to `maxEvents`, and says how many are still waiting
 * (after a flood larger than that, a page shows the note instead of making one reader wait for all of it).
 */
export function catchUpInsights(options: { maxEvents?: number; chunk?: number; now?: number } = {}, db: ControlDb = controlDb()) {
  const { maxEvents = 20_000, chunk = 2_000 } = options;
  const sqlite = db.$client;
  const statements = statementsFor(sqlite);
  let folded = 0;
  while (folded < maxEvents) {
    const read = foldChunk(statements, db, Math.min(chunk, maxEvents - folded), options.now ?? Date.now());
    folded += read;
    if (read === 0) return { folded, pending: 0 };
  }
  const position = statements.watermark.get(watermarkName)?.position ?? 0;
  return { folded, pending: statements.pending.get(position)?.pending ?? 0 };
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
export function startInsightsFold(db: ControlDb = controlDb()): () => void {
  let stopped = false;
  let running = false;
  let lastNewest: number | undefined;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const newest = statementsFor(db.$client).newestPosition.get()?.position ?? 0;
      const busy = lastNewest !== undefined && newest - lastNewest > busyArrivals;
      lastNewest = newest;
      if (busy) return;
      for (let chunk = 0; chunk < chunksPerTick && !stopped; chunk++) {
        if (catchUpInsights({ maxEvents: eventsPerChunk, chunk: eventsPerChunk }, db).folded < eventsPerChunk) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      console.error("insights: fold failed", error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, foldEveryMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
