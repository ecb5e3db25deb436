// Ingest on PostgreSQL: a group of batches in one transaction of a few set-based statements (round trips, not
// rows, are what cost here). Visitors' rows are locked first, in id order, so two nodes writing one visitor's
// batches at once take turns and sessions are assigned from what the other committed; a retried event is
// found before it is written (its id is the client's UUID) and `on conflict do nothing` covers the rest.
// Commits keep PostgreSQL's default synchronous_commit=on: a 2xx means the event is on disk.
//
// A group costs two round trips: BEGIN goes out with the three reads, and COMMIT with the three writes, on a
// connection reserved for the group (postgres.js's `begin` waits for BEGIN and for the body before COMMIT: four).
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

/** The reads a group needs, issued at once (postgres.js pipelines them), in this order on the server. */
function readGroup(sql: Sql, batches: PreparedBatch[]) {
  const visitorIds = [...new Set(batches.flatMap((batch) => (batch.visitorId ? [batch.visitorId] : [])))].sort();
  const eventIds = batches.flatMap((batch) => batch.events.map((event) => event.id));
  // The visitors' locks are held before their sessions are read, so a batch of theirs committed by another node
  // is seen.
  return [
    visitorIds.length > 0 ? sql`select 1 from visitors where id = any(${visitorIds}::text[]) order by id for update` : [],
    sql<{ id: string }[]>`select id from events where id = any(${eventIds}::text[])`,
    visitorIds.length > 0
      ? sql<SessionRow[]>`
          select distinct on (visitor_id) visitor_id as "visitorId", id, started_at as "startedAt",
            last_event_at as "lastEventAt", event_count as "eventCount"
          from visitor_sessions where visitor_id = any(${visitorIds}::text[]) order by visitor_id, last_event_at desc`
      : [],
  ] as const;
}

/** From what the reads found: each batch's count of new events, and the writes that store them. */
function writeGroup(sql: Sql, batches: PreparedBatch[], knownRows: { id: string }[], latest: SessionRow[]) {
  const known = new Set(knownRows.map((row) => row.id));
  const sessions = new Map<string, OpenSession | undefined>();
  for (const { visitorId, ...session } of latest) sessions.set(visitorId, session);
  const rows = {
    id: [] as string[],
    visitorId: [] as (string | null)[],
    sandboxId: [] as (string | null)[],
    demoSlug: [] as (string | null)[],
    type: [] as string[],
    stepId: [] as (string | null)[],
    stepIndex: [] as (number | null)[],
    action: [] as (string | null)[],
    props: [] as (string | null)[],
    occurredAt: [] as number[],
    receivedAt: [] as number[],
    sessionId: [] as (string | null)[],
    bot: [] as boolean[],
  };
  const written = new Map<string, SessionRow>();
  const seen = new Set<string>();
  const results = batches.map((batch) => {
    let stored = 0;
    const visitorId = batch.visitorId;
    let session = visitorId ? sessions.get(visitorId) : undefined;
    for (const event of batch.events) {
      // A retry of a stored event, or the same event twice in this group: stored once, changes nothing.
      if (known.has(event.id) || seen.has(event.id)) continue;
      seen.add(event.id);
      const next = visitorId ? assignSession(session, event.occurredAt, () => crypto.randomUUID()) : undefined;
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
      stored++;
      session = next;
    }
    if (visitorId) {
      sessions.set(visitorId, session);
      if (session) written.set(session.id, { ...session, visitorId });
    }
    return { stored };
  });
  // The three writes touch different tables: sent together, one round trip.
  const writes: Promise<unknown>[] = [];
  if (rows.id.length > 0) {
    writes.push(sql`
      insert into events (id, visitor_id, sandbox_id, demo_slug, type, step_id, step_index, action, props, occurred_at,
        received_at, session_id, bot)
      select id, visitor_id, sandbox_id, demo_slug, type, step_id, step_index, action, props::jsonb, occurred_at,
        received_at, session_id, bot
      from unnest(${rows.id}::text[], ${rows.visitorId}::text[], ${rows.sandboxId}::text[], ${rows.demoSlug}::text[],
        ${rows.type}::text[], ${rows.stepId}::text[], ${rows.stepIndex}::bigint[], ${rows.action}::text[], ${rows.props}::text[],
        ${rows.occurredAt}::bigint[], ${rows.receivedAt}::bigint[], ${rows.sessionId}::text[], ${rows.bot}::boolean[])
        as u(id, visitor_id, sandbox_id, demo_slug, type, step_id, step_index, action, props, occurred_at, received_at,
          session_id, bot)
      on conflict (id) do nothing`);
  }
  if (written.size > 0) {
    const list = [...written.values()];
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
  return { results, writes };
}

type LookUpRow = { i: number; bot: boolean | null; doNotTrack: boolean | null; owned: boolean; preview: boolean };

export function postgresIngest(client: postgres.Sql) {
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
        const [, knownRows, latest] = await Promise.all(readGroup(inside, batches));
        const { results, writes } = writeGroup(inside, batches, knownRows, latest);
        await Promise.all(writes);
        return results;
      }
      const sql = await client.reserve();
      try {
        const [, , knownRows, latest] = await Promise.all([sql`begin`, ...readGroup(sql, batches)]);
        const { results, writes } = writeGroup(sql, batches, knownRows, latest);
        // A query goes out when first awaited: the writes first, COMMIT after them.
        const done = (await Promise.all([...writes, sql`commit`])).at(-1) as postgres.RowList<postgres.Row[]> | undefined;
        // COMMIT of a transaction a statement failed in answers ROLLBACK, not an error.
        if (done?.command !== "COMMIT") throw new Error(`The group's transaction ended in ${done?.command}, not COMMIT`);
        return results;
      } catch (error) {
        // Whatever was sent is answered in order; this ends the transaction if it is still open (else a warning).
        await sql`rollback`.catch(() => {});
        throw error;
      } finally {
        sql.release();
      }
    },
  };
}
