// Events in commit order on SQLite: by rowid. One writer at a time means insertion order is commit order, and
// walking the table's own b-tree costs what arrived, not what is stored. The cursor is the rowid as text.
import "server-only";
import type Database from "better-sqlite3";
import type { CommittedEvent, DialectOperations } from "@/db/store";

type Row = Omit<CommittedEvent, "cursor" | "props" | "bot"> & { position: number; props: string | null; bot: number };

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

export function sqliteEventsCursor(
  sqlite: Database.Database,
  pass: <Result>(work: () => Result) => Promise<Result>,
): Pick<DialectOperations, "eventsAfter" | "newestEventCursor" | "eventsPendingAfter" | "visitorEventsBefore"> {
  const after = sqlite.prepare<[number, number], Row>(
    `select rowid as position, id, ${eventColumns}, bot from events where rowid > ? order by rowid limit ?`,
  );
  const newest = sqlite.prepare<[], { position: number | null }>("select max(rowid) as position from events");
  const pending = sqlite.prepare<[number], { pending: number }>("select count(*) as pending from events where rowid > ?");
  const before = sqlite.prepare<[string, number], Omit<Row, "position" | "id" | "bot">>(
    `select ${eventColumns} from events where visitor_id = ? and rowid < ? order by occurred_at`,
  );
  // Retention may have deleted every row above a cursor; rowids then restart below it, so start from the newest.
  const from = (cursor: string | null) => Math.min(Number(cursor ?? 0) || 0, newest.get()?.position ?? 0);
  return {
    eventsAfter: (cursor, limit) =>
      pass(() =>
        after.all(from(cursor), limit).map(({ position, props, bot, ...row }) => ({
          ...row,
          cursor: String(position),
          props: parsedProps(props),
          bot: bot === 1,
        })),
      ),
    newestEventCursor: () =>
      pass(() => {
        const position = newest.get()?.position;
        return position === null || position === undefined ? null : String(position);
      }),
    eventsPendingAfter: (cursor) => pass(() => pending.get(from(cursor))?.pending ?? 0),
    visitorEventsBefore: (visitorId, cursor) =>
      pass(() => before.all(visitorId, Number(cursor)).map(({ props, ...row }) => ({ ...row, props: parsedProps(props) }))),
  };
}
