// Events in commit order on PostgreSQL. A sequence value is handed out when a row is inserted, not when its
// transaction commits, so "rows after the last id I saw" would skip a row whose transaction commits after a
// later one's. Each event therefore records the id of the transaction that wrote it (txid, xid8), and readers
// walk (txid, seq) only below the oldest transaction of this database still running: everything below it has
// finished, so nothing can appear there later. A long-running transaction delays readers; it never hides a row.
// The cursor is "<txid>:<seq>".
import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { CommittedEvent, DialectOperations } from "@/db/store";

type Rows = <Row>(query: SQL) => Promise<Row[]>;

const eventColumns = sql.raw(`visitor_id as "visitorId", sandbox_id as "sandboxId", demo_slug as "demoSlug", type,
  step_id as "stepId", action, props, occurred_at as "occurredAt"`);
// Transaction ids are server-wide: a snapshot also lists transactions running in the server's other databases
// (another app's, another test file's), which can never write these rows. Leaving out every running transaction
// that pg_stat_activity places in another database keeps one long transaction elsewhere from stalling the fold
// and the signal watch here. The leaving out is one-sided, so a race or a missing permission (without
// pg_read_all_stats another role's sessions show no backend_xid) only waits longer, as before, never skips a row.
const settled = sql.raw(`txid < (
  select coalesce(
    (select min(running) from pg_snapshot_xip(snapshot) as running
     where xid(running) not in (
       select backend_xid from pg_stat_activity
       where backend_xid is not null and datname is distinct from current_database())),
    pg_snapshot_xmax(snapshot))
  from (select pg_current_snapshot() as snapshot) as now)`);

// ORDER BY qualifies its columns (events.txid, read.txid) everywhere here: a bare name that is also an output
// column's name sorts by that output column, and txid::text as txid sorted "1000" before "999" — reading past a
// row when transaction ids gained a digit, and sorting every settled row to find the newest (0.3 s at 1M events).
function position(cursor: string | null): SQL {
  const [txid = "0", seq = "0"] = (cursor ?? "0:0").split(":");
  return sql`(${txid}::xid8, ${Number(seq)}::bigint)`;
}

export function postgresEventsCursor(
  rows: Rows,
): Pick<DialectOperations, "eventsAfter" | "visitorsActiveAfter" | "newestEventCursor" | "eventsPendingAfter" | "visitorEventsBefore"> {
  return {
    async eventsAfter(cursor, limit) {
      const found = await rows<Omit<CommittedEvent, "cursor"> & { txidText: string; seq: number }>(
        sql`select txid::text as "txidText", seq, id, ${eventColumns}, bot from events
            where (txid, seq) > ${position(cursor)} and ${settled} order by events.txid, events.seq limit ${limit}`,
      );
      return found.map(({ txidText, seq, ...row }) => ({ ...row, cursor: `${txidText}:${seq}` }));
    },
    async visitorsActiveAfter(cursor, limit) {
      // The last row read (the cursor to go on from) and the distinct visitors, in one small answer.
      const found = await rows<{ txid: string | null; seq: number | null; events: number; visitorIds: string[] | null }>(
        sql`with read as (
              select txid, seq, visitor_id from events
              where (txid, seq) > ${position(cursor)} and ${settled} order by txid, seq limit ${limit})
            select (select read.txid::text from read order by read.txid desc, read.seq desc limit 1) as txid,
                   (select read.seq from read order by read.txid desc, read.seq desc limit 1) as seq,
                   (select count(*)::int from read) as events,
                   (select array_agg(distinct visitor_id) from read where visitor_id is not null) as "visitorIds"`,
      );
      const [answer] = found;
      if (!answer?.txid) return { cursor, events: 0, visitorIds: [] };
      return { cursor: `${answer.txid}:${answer.seq}`, events: Number(answer.events), visitorIds: answer.visitorIds ?? [] };
    },
    async newestEventCursor() {
      const [newest] = await rows<{ txid: string; seq: number }>(
        sql`select txid::text as txid, seq from events where ${settled} order by events.txid desc, events.seq desc limit 1`,
      );
      return newest ? `${newest.txid}:${newest.seq}` : null;
    },
    async eventsPendingAfter(cursor, atMost) {
      const limit = atMost === undefined ? sql`` : sql` limit ${atMost}`;
      const [counted] = await rows<{ pending: number }>(
        sql`select count(*) as pending from (select 1 from events where (txid, seq) > ${position(cursor)}${limit}) as after`,
      );
      return counted?.pending ?? 0;
    },
    visitorEventsBefore(visitorId, cursor) {
      // The visitor's few rows first (OFFSET 0 keeps the subquery from being flattened): the planner estimates a
      // row comparison by its first column, and where most rows share one txid (a bulk load, a long import) it
      // walked the whole commit-order index filtering on the visitor instead — 0.4 s a call at 1M events.
      return rows(
        sql`select ${eventColumns} from (select * from events where visitor_id = ${visitorId} offset 0) as visitor_events
            where (txid, seq) < ${position(cursor)} order by occurred_at`,
      );
    },
  };
}
