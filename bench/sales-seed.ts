// A synthetic history for bench:sales, written straight into a control database: visitors (some from share
// links, so in accounts), their sandboxes, and events in the mix a real month has (views, tours, steps, choices,
// deals, a few hand-raises and CTAs). The rows are the same on both databases; only how they are written differs
// (prepared statements in one SQLite transaction; multi-row INSERTs of 5,000 on PostgreSQL, in one transaction).
import type Database from "better-sqlite3";
import type postgres from "postgres";
import { v7 as uuidv7 } from "uuid";

export type SeedShape = { events: number; visitors: number; accounts: number; shareLinks: number };

type Row = Record<string, string | number | boolean | null>;
/** Takes rows of one table at a time, in order; `done` writes whatever it still holds. */
export type SeedWriter = { write(table: string, row: Row): void | Promise<void>; done(): Promise<void> };

const dayMs = 86_400_000;
const steps = ["welcome", "board", "total", "create-deal", "move-stage", "human"];
const personas = ["leader", "rep", null, null];

/** Rows into an open SQLite connection, in the caller's transaction. */
export function sqliteSeedWriter(sqlite: Database.Database): SeedWriter {
  const statements = new Map<string, Database.Statement>();
  return {
    write(table, row) {
      let statement = statements.get(table);
      if (!statement) {
        const columns = Object.keys(row);
        statement = sqlite.prepare(`insert into ${table} (${columns.join(", ")}) values (${columns.map(() => "?").join(", ")})`);
        statements.set(table, statement);
      }
      statement.run(...Object.values(row).map((value) => (typeof value === "boolean" ? Number(value) : value)));
    },
    async done() {},
  };
}

/** Rows into PostgreSQL, 5,000 to an INSERT, on one transaction's connection. */
export function postgresSeedWriter(sql: postgres.TransactionSql): SeedWriter {
  let table = "";
  let rows: Row[] = [];
  const flush = async () => {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0] as Row);
    await sql`insert into ${sql(table)} ${sql(rows, columns)}`;
    rows = [];
  };
  return {
    async write(next, row) {
      if (next !== table || rows.length === 5_000) await flush();
      table = next;
      rows.push(row);
    },
    done: flush,
  };
}

/** Seeds `shape` into an empty, migrated control database; returns an account id and a visitor id to time. */
export async function seedSalesHistory(writer: SeedWriter, shape: SeedShape, progress: (message: string) => void) {
  const now = Date.now();
  const perVisitor = Math.max(1, Math.round(shape.events / shape.visitors));
  let written = 0;
  let sampleVisitor = "";
  for (let a = 0; a < shape.accounts; a++) {
    await writer.write("accounts", {
      id: `acct-${a}`,
      name: `Account ${a} Inc.`,
      domain: `account${a}.example`,
      created_at: now - 60 * dayMs,
    });
  }
  for (let l = 0; l < shape.shareLinks; l++) {
    await writer.write("share_links", {
      token: `link-${l}`,
      account_id: `acct-${l % shape.accounts}`,
      demo_slug: "pipeline-basics",
      created_at: now - 45 * dayMs,
    });
  }
  for (let v = 0; v < shape.visitors && written < shape.events; v++) {
    const id = `v${String(v).padStart(21, "0")}`;
    const start = now - 30 * dayMs + Math.floor((v / shape.visitors) * 29 * dayMs);
    // One visitor in five came through a share link; links cover the accounts, and forwards share a link.
    const linked = v % 5 === 0;
    const link = linked ? v % shape.shareLinks : -1;
    const account = linked ? `acct-${(link + shape.shareLinks * (((v / 5) % 4) | 0)) % shape.accounts}` : null;
    await writer.write("visitors", {
      id,
      created_at: start,
      last_seen_at: start + perVisitor * 60_000,
      source: v % 3 === 0 ? '{"utm_source":"newsletter"}' : null,
      browser: "Chrome",
      os: "macOS",
      device: v % 4 === 0 ? "mobile" : "desktop",
      bot: false,
      do_not_track: false,
      account_id: account,
      share_link_token: linked ? `link-${link}` : null,
    });
    if (v === Math.floor(shape.visitors / 2)) sampleVisitor = id;
  }
  for (let v = 0; v < shape.visitors; v++) {
    const id = `v${String(v).padStart(21, "0")}`;
    const start = now - 30 * dayMs + Math.floor((v / shape.visitors) * 29 * dayMs);
    const persona = personas[v % personas.length];
    await writer.write("sandboxes", {
      id: `s${id.slice(1)}`,
      visitor_id: id,
      demo_slug: "pipeline-basics",
      template: "bench",
      created_at: start,
      last_active_at: start,
      status: "live",
      personalization: persona ? JSON.stringify({ persona }) : null,
    });
  }
  for (let v = 0; v < shape.visitors && written < shape.events; v++) {
    const id = `v${String(v).padStart(21, "0")}`;
    const start = now - 30 * dayMs + Math.floor((v / shape.visitors) * 29 * dayMs);
    const session = uuidv7();
    for (let e = 0; e < perVisitor && written < shape.events; e++, written++) {
      // A return a few days later for one visitor in seven.
      const at = start + e * 60_000 + (v % 7 === 0 && e > perVisitor / 2 ? 3 * dayMs : 0);
      const [type, step, action, props] = eventFor(v, e, perVisitor);
      await writer.write("events", {
        id: uuidv7(),
        visitor_id: id,
        sandbox_id: `s${id.slice(1)}`,
        demo_slug: "pipeline-basics",
        type,
        step_id: step,
        step_index: step ? steps.indexOf(step) : null,
        action,
        props,
        occurred_at: at,
        received_at: at,
        session_id: session,
        bot: false,
      });
    }
    if (v % 10_000 === 0 && v > 0) progress(`  ${written.toLocaleString("en")} events…`);
  }
  await writer.done();
  return { accountId: "acct-1", visitorId: sampleVisitor, written };
}

function eventFor(v: number, e: number, total: number): [string, string | null, string | null, string | null] {
  if (e === 0) return ["demo.viewed", null, null, '{"locale":"en"}'];
  if (e === 1) return ["tour.started", null, null, null];
  if (e === total - 1 && v % 50 === 0) return ["handraise", null, null, null];
  if (e === total - 1 && v % 9 === 0) return ["tour.finished", null, null, null];
  if (e === 3 && v % 6 === 0) return ["tour.choice", "board", null, '{"option":"forecast","label":"Forecast"}'];
  if (e === 4 && v % 3 === 0) return ["sandbox.action", null, "deal.created", `{"deal":"Deal ${v}","amount":${(v % 90) * 1000 + 5000}}`];
  if (e === 5 && v % 40 === 0) return ["cta.clicked", null, null, '{"url":"https://example.com/book"}'];
  const step = steps[e % steps.length] ?? "welcome";
  return [e % 2 === 0 ? "step.viewed" : "step.completed", step, null, null];
}
