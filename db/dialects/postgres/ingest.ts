// Ingest on PostgreSQL: a group of batches in one transaction of a few set-based statements (round trips, not
// rows, are what cost here). Visitors' rows are locked first, in id order, so two nodes writing one visitor's
// batches at once take turns and sessions are assigned from what the other committed; a retried event is stored
// once (its id is the client's UUID: `on conflict do nothing`) and changes nothing (see storeGroup).
// Commits keep PostgreSQL's default synchronous_commit=on: a 2xx means the event is on disk.
//
// A group costs two round trips on a connection reserved for it when this node has written its visitors before:
// BEGIN, the locks, the sessions' read and the events' insert, planned from the sessions this node last gave
// them (sessionGuesses below) and checked against the read; then the sessions, last-seen times and COMMIT. A visitor
// this node has not written yet costs a third: the read before the insert. (postgres.js's `begin` would wait for
// BEGIN and for the body before COMMIT: one more.)
// The per-request look-up (visitor, sandbox) is one query for every request that arrives in one turn of the
// event loop, not one each: at a thousand requests a second those queries cost PostgreSQL more than the group.
import "server-only";
import crypto from "node:crypto";
import type postgres from "postgres";
import type { IngestLookup, PreparedBatch } from "@/db/queries/events";
import { assignSession, type OpenSession } from "@/lib/signals/sessions";
import { withoutNul } from "./text";

type SessionRow = OpenSession & { visitorId: string };
type Sql = postgres.Sql | postgres.TransactionSql | postgres.ReservedSql;

/**
 * The reads a group needs before it writes, issued at once (postgres.js pipelines them): the visitors' locks,
 * held before their sessions are read, so a batch of theirs committed by another node is seen.
 */
/** The group's visitors, each once. */
function visitorsOf(batches: PreparedBatch[]): string[] {
  return [...new Set(batches.flatMap((batch) => (batch.visitorId ? [batch.visitorId] : [])))];
}

function readGroup(sql: Sql, batches: PreparedBatch[]) {
  const visitorIds = visitorsOf(batches).sort();
  if (visitorIds.length === 0) return [[], [] as SessionRow[]] as const;
  return [
    sql`select 1 from visitors where id = any(${visitorIds}::text[]) order by id for update`,
    sql<SessionRow[]>`
      select distinct on (visitor_id) visitor_id as "visitorId", id, started_at as "startedAt",
        last_event_at as "lastEventAt", event_count as "eventCount"
      from visitor_sessions where visitor_id = any(${visitorIds}::text[]) order by visitor_id, last_event_at desc`,
  ] as const;
}

type EventRows = {
  id: string[];
  visitorId: (string | null)[];
  sandboxId: (string | null)[];
  demoSlug: (string | null)[];
  type: string[];
  stepId: (string | null)[];
  stepIndex: (number | null)[];
  action: (string | null)[];
  props: (string | null)[];
  occurredAt: number[];
  receivedAt: number[];
  sessionId: (string | null)[];
  bot: boolean[];
};

/** A group's rows and sessions, with the events in `known` (stored before) left out: they change nothing. */
function planGroup(batches: PreparedBatch[], known: ReadonlySet<string>, latest: readonly SessionRow[], newId: () => string) {
  const sessions = new Map<string, OpenSession | undefined>();
  for (const { visitorId, ...session } of latest) sessions.set(visitorId, session);
  const rows: EventRows = {
    id: [],
    visitorId: [],
    sandboxId: [],
    demoSlug: [],
    type: [],
    stepId: [],
    stepIndex: [],
    action: [],
    props: [],
    occurredAt: [],
    receivedAt: [],
    sessionId: [],
    bot: [],
  };
  const written = new Map<string, SessionRow>();
  const seen = new Set<string>();
  const stored = batches.map((batch) => {
    let count = 0;
    const visitorId = batch.visitorId;
    let session = visitorId ? sessions.get(visitorId) : undefined;
    for (const event of batch.events) {
      // A retry of a stored event, or the same event twice in this group: stored once, changes nothing.
      if (known.has(event.id) || seen.has(event.id)) continue;
      seen.add(event.id);
      const next = visitorId ? assignSession(session, event.occurredAt, newId) : undefined;
      rows.id.push(event.id);
      rows.visitorId.push(visitorId ?? null);
      rows.sandboxId.push(batch.sandboxId ?? null);
      rows.demoSlug.push(withoutNul(event.demoSlug));
      rows.type.push(withoutNul(event.type));
      rows.stepId.push(withoutNul(event.stepId));
      rows.stepIndex.push(event.stepIndex);
      rows.action.push(withoutNul(event.action));
      rows.props.push(withoutNul(event.props));
      rows.occurredAt.push(event.occurredAt);
      rows.receivedAt.push(batch.receivedAt);
      rows.sessionId.push(next?.id ?? null);
      rows.bot.push(batch.bot);
      count++;
      session = next;
    }
    if (visitorId) {
      sessions.set(visitorId, session);
      if (session) written.set(session.id, { ...session, visitorId });
    }
    return count;
  });
  return { stored, rows, sessions: [...written.values()] };
}

type Plan = ReturnType<typeof planGroup>;

function insertEvents(sql: Sql, rows: EventRows) {
  return sql<{ id: string }[]>`
    insert into events (id, visitor_id, sandbox_id, demo_slug, type, step_id, step_index, action, props, occurred_at,
      received_at, session_id, bot)
    select id, visitor_id, sandbox_id, demo_slug, type, step_id, step_index, action, props::jsonb, occurred_at,
      received_at, session_id, bot
    from unnest(${rows.id}::text[], ${rows.visitorId}::text[], ${rows.sandboxId}::text[], ${rows.demoSlug}::text[],
      ${rows.type}::text[], ${rows.stepId}::text[], ${rows.stepIndex}::bigint[], ${rows.action}::text[], ${rows.props}::text[],
      ${rows.occurredAt}::bigint[], ${rows.receivedAt}::bigint[], ${rows.sessionId}::text[], ${rows.bot}::boolean[])
      as u(id, visitor_id, sandbox_id, demo_slug, type, step_id, step_index, action, props, occurred_at, received_at,
        session_id, bot)
    on conflict (id) do nothing
    returning id`;
}

/** The sessions and last-seen times a plan leaves: different tables, sent together in one round trip. */
function saveVisitors(sql: Sql, batches: PreparedBatch[], plan: Plan): Promise<unknown>[] {
  const writes: Promise<unknown>[] = [];
  if (plan.sessions.length > 0) {
    const list = plan.sessions;
    writes.push(sql`
      insert into visitor_sessions (id, visitor_id, started_at, last_event_at, event_count)
      select * from unnest(${list.map((s) => s.id)}::text[], ${list.map((s) => s.visitorId)}::text[],
        ${list.map((s) => s.startedAt)}::bigint[], ${list.map((s) => s.lastEventAt)}::bigint[], ${list.map((s) => s.eventCount)}::bigint[])
      on conflict (id) do update set started_at = excluded.started_at, last_event_at = excluded.last_event_at,
        event_count = excluded.event_count`);
  }
  const seenAt = new Map<string, number>();
  for (const batch of batches) {
    if (batch.visitorId) seenAt.set(batch.visitorId, Math.max(seenAt.get(batch.visitorId) ?? 0, batch.receivedAt));
  }
  if (seenAt.size > 0) {
    writes.push(sql`
      update visitors set last_seen_at = greatest(visitors.last_seen_at, u.at)
      from unnest(${[...seenAt.keys()]}::text[], ${[...seenAt.values()]}::bigint[]) as u(id, at) where visitors.id = u.id`);
  }
  return writes;
}

/** Two plans' sessions agree: the same session, or none, for every visitor. */
function sameSessions(visitorIds: readonly string[], a: readonly SessionRow[], b: readonly SessionRow[]): boolean {
  const key = (row: SessionRow | undefined) => (row ? `${row.id}:${row.startedAt}:${row.lastEventAt}:${row.eventCount}` : "");
  const byVisitor = (rows: readonly SessionRow[]) => new Map(rows.map((row) => [row.visitorId, key(row)]));
  const [left, right] = [byVisitor(a), byVisitor(b)];
  return visitorIds.every((id) => (left.get(id) ?? "") === (right.get(id) ?? ""));
}

/**
 * The latest session this node gave each visitor it wrote, as the sessions' read would answer it once that group
 * commits: a guess, never trusted. A group whose visitors are all here is planned and inserted in the round trip
 * that reads their sessions under the lock; the read then checks the guess (another node's write, or a group of
 * this node's that failed, makes it wrong) and a wrong one is corrected before COMMIT, as a retry is. Set when a
 * group is planned, not when it commits, so the next group can be planned while this one commits.
 */
function sessionGuesses(limit = 10_000) {
  const latest = new Map<string, SessionRow | null>();
  return {
    /** Every visitor's guess, or undefined when one of them has none. */
    of(visitorIds: readonly string[]): SessionRow[] | undefined {
      const rows: SessionRow[] = [];
      for (const id of visitorIds) {
        const row = latest.get(id);
        if (row === undefined) return undefined;
        if (row) rows.push(row);
      }
      return rows;
    },
    /** What a planned group leaves: each visitor's session with the latest event, as the read orders them. */
    planned(visitorIds: readonly string[], before: readonly SessionRow[], plan: Plan): void {
      const newest = new Map<string, SessionRow>();
      for (const row of [...before, ...plan.sessions]) {
        const seen = newest.get(row.visitorId);
        if (!seen || row.lastEventAt > seen.lastEventAt) newest.set(row.visitorId, row);
      }
      for (const id of visitorIds) {
        // Deleted first, so the map's order is last use and the oldest entry goes when it is full.
        latest.delete(id);
        latest.set(id, newest.get(id) ?? null);
        if (latest.size > limit) latest.delete(latest.keys().next().value as string);
      }
    },
    forget(visitorIds: readonly string[]): void {
      for (const id of visitorIds) latest.delete(id);
    },
  };
}

type SessionGuesses = ReturnType<typeof sessionGuesses>;

/**
 * Stores a group in the open transaction on `sql`, every statement but the last round trip's; returns each
 * batch's count of new events and the writes that end it, for the caller to send with its COMMIT.
 *
 * The events go in planned as if none were stored before, and `returning id` tells which were: a retry is rare,
 * and asking first which ids were known cost a query as long as the insert (5–8 ms a group of ~470 ids under
 * bench:signals, pg_stat_statements). They go in with sessions from `guesses` when every visitor has one, in the
 * round trip of the read, or else after the read. When a retry was among them, or the read shows a guess was
 * wrong, the group is planned again from the read without the events stored before — a retried event changes
 * nothing, not even a session — and the new events whose session that moves are corrected before the sessions
 * are saved, all in the same transaction, under the visitors' locks.
 */
async function storeGroup(
  sql: Sql,
  batches: PreparedBatch[],
  guesses: SessionGuesses,
  /** Sent ahead of the reads, in the same round trip (the caller's BEGIN). */
  first?: Promise<unknown>,
): Promise<{ results: { stored: number }[]; writes: Promise<unknown>[] }> {
  const visitorIds = visitorsOf(batches);
  const newId = () => crypto.randomUUID();
  const guessed = guesses.of(visitorIds);
  let latest: readonly SessionRow[];
  let plan: Plan;
  let inserted: { id: string }[];
  if (guessed) {
    plan = planGroup(batches, new Set(), guessed, newId);
    guesses.planned(visitorIds, guessed, plan);
    const insert = plan.rows.id.length > 0 ? insertEvents(sql, plan.rows) : [];
    [, , latest, inserted] = await Promise.all([first, ...readGroup(sql, batches), insert]);
  } else {
    [, , latest] = await Promise.all([first, ...readGroup(sql, batches)]);
    plan = planGroup(batches, new Set(), latest, newId);
    guesses.planned(visitorIds, latest, plan);
    inserted = plan.rows.id.length > 0 ? await insertEvents(sql, plan.rows) : [];
  }
  const writes: Promise<unknown>[] = [];
  const wrongGuess = guessed !== undefined && !sameSessions(visitorIds, guessed, latest);
  if (inserted.length < plan.rows.id.length || wrongGuess) {
    const isNew = new Set(inserted.map((row) => row.id));
    const first = plan;
    plan = planGroup(batches, new Set(first.rows.id.filter((id) => !isNew.has(id))), latest, newId);
    guesses.planned(visitorIds, latest, plan);
    const sessionOf = new Map(first.rows.id.map((id, index) => [id, first.rows.sessionId[index]]));
    const moved = plan.rows.id.flatMap((id, index) => (sessionOf.get(id) !== plan.rows.sessionId[index] ? [index] : []));
    if (moved.length > 0) {
      writes.push(sql`
        update events set session_id = u.session_id
        from unnest(${moved.map((index) => plan.rows.id[index] as string)}::text[], ${moved.map((index) => plan.rows.sessionId[index] ?? null)}::text[])
          as u(id, session_id)
        where events.id = u.id`);
    }
  }
  writes.push(...saveVisitors(sql, batches, plan));
  return { results: plan.stored.map((stored) => ({ stored })), writes };
}

type LookUpRow = { i: number; bot: boolean | null; doNotTrack: boolean | null; owned: boolean; preview: boolean };

export function postgresIngest(client: postgres.Sql) {
  const guesses = sessionGuesses();
  // Look-ups asked for in this turn of the event loop, answered together (see the top of this file).
  let asked: {
    visitorId: string | null;
    sandboxId: string | null;
    resolve: (found: IngestLookup) => void;
    reject: (error: unknown) => void;
  }[] = [];

  function lookUpAsked(): void {
    const group = asked;
    asked = [];
    const visitorIds = group.map((entry) => entry.visitorId);
    const sandboxIds = group.map((entry) => entry.sandboxId);
    client<LookUpRow[]>`
      select u.i::int as i, v.bot, v.do_not_track as "doNotTrack",
        -- Its owner's, or a colleague's who joined it (a shared copy): either one's signals belong to it.
        (exists (select 1 from sandboxes s where s.id = u.sandbox_id and s.visitor_id = u.visitor_id)
          or exists (select 1 from sandbox_members m where m.sandbox_id = u.sandbox_id and m.visitor_id = u.visitor_id)) as owned,
        exists (select 1 from preview_sandboxes p where p.id = u.sandbox_id) as preview
      from unnest(${visitorIds}::text[], ${sandboxIds}::text[]) with ordinality as u(visitor_id, sandbox_id, i)
      left join visitors v on v.id = u.visitor_id`.then(
      (rows) => {
        const byIndex = new Map(rows.map((row) => [row.i, row]));
        for (const [index, entry] of group.entries()) {
          const row = byIndex.get(index + 1);
          if (!row) {
            entry.reject(new Error("The ingest look-up answered no row for a request"));
            continue;
          }
          entry.resolve({
            visitor: row.bot !== null ? { bot: row.bot, doNotTrack: row.doNotTrack === true } : undefined,
            sandboxOwned: row.owned === true,
            preview: row.preview === true,
          });
        }
      },
      (error: unknown) => {
        for (const entry of group) entry.reject(error);
      },
    );
  }

  return {
    lookUp(visitorId: string | undefined, sandboxId: string | undefined): Promise<IngestLookup> {
      return new Promise((resolve, reject) => {
        if (asked.length === 0) setImmediate(lookUpAsked);
        asked.push({ visitorId: withoutNul(visitorId ?? null), sandboxId: withoutNul(sandboxId ?? null), resolve, reject });
      });
    },

    /** In its own transaction, or in the caller's when `inside` is its connection. */
    async write(batches: PreparedBatch[], inside?: postgres.TransactionSql): Promise<{ stored: number }[]> {
      if (inside) {
        const { results, writes } = await storeGroup(inside, batches, guesses);
        await Promise.all(writes);
        return results;
      }
      const sql = await client.reserve();
      try {
        // BEGIN goes out with the group's first reads (a query is sent when first awaited, in this order).
        const { results, writes } = await storeGroup(sql, batches, guesses, sql`begin`);
        // The last writes and COMMIT in one round trip.
        const done = (await Promise.all([...writes, sql`commit`])).at(-1) as postgres.RowList<postgres.Row[]> | undefined;
        // COMMIT of a transaction a statement failed in answers ROLLBACK, not an error.
        if (done?.command !== "COMMIT") throw new Error(`The group's transaction ended in ${done?.command}, not COMMIT`);
        return results;
      } catch (error) {
        // What was planned did not happen.
        guesses.forget(visitorsOf(batches));
        // Whatever was sent is answered in order; this ends the transaction if it is still open (else a warning).
        await sql`rollback`.catch(() => {});
        throw error;
      } finally {
        sql.release();
      }
    },
  };
}
