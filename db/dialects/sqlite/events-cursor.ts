// Events in commit order on SQLite: by rowid. One writer at a time means insertion order is commit order, and
// walking the table's own b-tree costs what arrived, not what is stored. The cursor is the rowid as text.
import "server-only";
import type Database from "better-sqlite3";
import type { CommittedEvent } from "@/db/store";

type Row = Omit<CommittedEvent, "cursor" | "props" | "bot"> & { position: number; props: string | null; bot: number };
type EarlierRow = Omit<Row, "position" | "id" | "bot">;

const eventColumns = `visitor_id as visitorId, sandbox_id as sandboxId, demo_slug as demoSlug, type, step_id as stepId,
  action, props, occurred_at as occurredAt`;

function parsedProps(props: string | null): Record<string, unknown> | null {
  if (!props) return null;
  try {
    const parsed: unknown = JSON.parse(props);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function prepare(sqlite: Database.Database) {
  return {
    after: sqlite.prepare<[number, number], Row>(
      `select rowid as position, id, ${eventColumns}, bot from events where rowid > ? order by rowid limit ?`,
    ),
    // Grouped in SQLite: a few rows back, not one per event.
    active: sqlite.prepare<[number, number], { position: number; events: number; visitorId: string | null }>(
      `select max(position) as position, count(*) as events, visitor_id as visitorId
       from (select rowid as position, visitor_id from events where rowid > ? order by rowid limit ?) group by visitor_id`,
    ),
    newest: sqlite.prepare<[], { position: number | null }>("select max(rowid) as position from events"),
    pending: sqlite.prepare<[number, number], { pending: number }>(
      "select count(*) as pending from (select 1 from events where rowid > ? limit ?)",
    ),
    before: sqlite.prepare<[string, number], EarlierRow>(
      `select ${eventColumns} from events where visitor_id = ? and rowid < ? order by occurred_at`,
    ),
  };
}

/** The cursor's reads, run synchronously (the store gives each its turn on the connection). */
export function sqliteEventsCursor(sqlite: Database.Database) {
  // Prepared on first use: the table exists only once the store has migrated.
  let statements: ReturnType<typeof prepare> | undefined;
  const ready = () => {
    statements ??= prepare(sqlite);
    return statements;
  };
  const newest = () => ready().newest.get()?.position ?? null;
  // Retention may have deleted every row above a cursor; rowids restart below it, so start from the newest.
  const from = (cursor: string | null) => Math.min(Number(cursor ?? 0) || 0, newest() ?? 0);
  return {
    eventsAfter: (cursor: string | null, limit: number): CommittedEvent[] =>
      ready()
        .after.all(from(cursor), limit)
        .map(({ position, props, bot, ...row }) => ({ ...row, cursor: String(position), props: parsedProps(props), bot: bot === 1 })),
    visitorsActiveAfter: (cursor: string | null, limit: number): { cursor: string | null; events: number; visitorIds: string[] } => {
      const rows = ready().active.all(from(cursor), limit);
      if (rows.length === 0) return { cursor, events: 0, visitorIds: [] };
      const last = Math.max(...rows.map((row) => row.position));
      const events = rows.reduce((sum, row) => sum + row.events, 0);
      return { cursor: String(last), events, visitorIds: rows.flatMap((row) => (row.visitorId === null ? [] : [row.visitorId])) };
    },
    newestEventCursor: (): string | null => {
      const position = newest();
      return position === null ? null : String(position);
    },
    eventsPendingAfter: (cursor: string | null, atMost = -1): number => ready().pending.get(from(cursor), atMost)?.pending ?? 0,
    visitorEventsBefore: (visitorId: string, cursor: string) =>
      ready()
        .before.all(visitorId, Number(cursor))
        .map(({ props, ...row }) => ({ ...row, props: parsedProps(props) })),
  };
}
