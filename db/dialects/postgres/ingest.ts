// Ingest on PostgreSQL: a group of batches in one transaction of a few set-based statements (round trips, not
// rows, are what cost here). Visitors' rows are locked first, in id order, so two nodes writing one visitor's
// batches at once take turns and sessions are assigned from what the other committed; a retried event is
// found before it is written (its id is the client's UUID) and `on conflict do nothing` covers the rest.
// Commits keep PostgreSQL's default synchronous_commit=on: a 2xx means the event is on disk.
import "server-only";
import crypto from "node:crypto";
import type postgres from "postgres";
import type { IngestLookup, PreparedBatch } from "@/db/queries/events";
import { assignSession, type OpenSession } from "@/lib/signals/sessions";
import { withoutNul } from "./text";

type SessionRow = OpenSession & { visitorId: string };

export function postgresIngest(client: postgres.Sql) {
  return {
    async lookUp(visitorId: string | undefined, sandboxId: string | undefined): Promise<IngestLookup> {
      const [row] = await client<{ bot: boolean | null; doNotTrack: boolean | null; owned: boolean; preview: boolean }[]>`
        select
          (select bot from visitors where id = ${withoutNul(visitorId ?? null)}::text) as bot,
          (select do_not_track from visitors where id = ${withoutNul(visitorId ?? null)}::text) as "doNotTrack",
          exists (select 1 from sandboxes where id = ${withoutNul(sandboxId ?? null)}::text and visitor_id = ${withoutNul(visitorId ?? null)}::text) as owned,
          exists (select 1 from preview_sandboxes where id = ${withoutNul(sandboxId ?? null)}::text) as preview`;
      return {
        visitor: row && row.bot !== null ? { bot: row.bot, doNotTrack: row.doNotTrack === true } : undefined,
        sandboxOwned: row?.owned === true,
        preview: row?.preview === true,
      };
    },

    /** In its own transaction, or in the caller's when `inside` is its connection. */
    write(batches: PreparedBatch[], inside?: postgres.TransactionSql): Promise<{ stored: number }[]> {
      const body = async (sql: postgres.TransactionSql) => {
        const visitorIds = [...new Set(batches.flatMap((batch) => (batch.visitorId ? [batch.visitorId] : [])))].sort();
        const eventIds = batches.flatMap((batch) => batch.events.map((event) => event.id));
        // The three reads go out together (postgres.js pipelines what a transaction issues at once) and run in
        // this order on the server: the visitors' locks are held before their sessions are read, so a batch of
        // theirs committed by another node is seen.
        const [, knownRows, latest] = await Promise.all([
          visitorIds.length > 0 ? sql`select 1 from visitors where id = any(${visitorIds}::text[]) order by id for update` : [],
          sql<{ id: string }[]>`select id from events where id = any(${eventIds}::text[])`,
          visitorIds.length > 0
            ? sql<SessionRow[]>`
                select distinct on (visitor_id) visitor_id as "visitorId", id, started_at as "startedAt",
                  last_event_at as "lastEventAt", event_count as "eventCount"
                from visitor_sessions where visitor_id = any(${visitorIds}::text[]) order by visitor_id, last_event_at desc`
            : [],
        ]);
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
        const seen = new Map<string, number>();
        const results = batches.map((batch) => {
          let stored = 0;
          const visitorId = batch.visitorId;
          let session = visitorId ? sessions.get(visitorId) : undefined;
          for (const event of batch.events) {
            // A retry of a stored event, or the same event twice in this group: stored once, changes nothing.
            if (known.has(event.id) || seen.has(event.id)) continue;
            seen.set(event.id, 1);
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
        if (visitorIds.length > 0) {
          const seenAt = new Map<string, number>();
          for (const batch of batches) {
            if (batch.visitorId) seenAt.set(batch.visitorId, Math.max(seenAt.get(batch.visitorId) ?? 0, batch.receivedAt));
          }
          writes.push(sql`
            update visitors set last_seen_at = greatest(visitors.last_seen_at, u.at)
            from unnest(${[...seenAt.keys()]}::text[], ${[...seenAt.values()]}::bigint[]) as u(id, at) where visitors.id = u.id`);
        }
        await Promise.all(writes);
        return results;
      };
      return inside ? body(inside) : (client.begin(body) as Promise<{ stored: number }[]>);
    },
  };
}
