// A synthetic history for bench:sales, written straight into a control database in one transaction with
// prepared statements: visitors (some from share links, so in accounts), their sandboxes, and events in the
// mix a real month has (views, tours, steps, choices, deals, a few hand-raises and CTAs).
import type Database from "better-sqlite3";
import { v7 as uuidv7 } from "uuid";

export type SeedShape = { events: number; visitors: number; accounts: number; shareLinks: number };

const dayMs = 86_400_000;
const steps = ["welcome", "board", "total", "create-deal", "move-stage", "human"];
const personas = ["leader", "rep", null, null];

/** Seeds `shape` into an empty, migrated control database; returns an account id and a visitor id to time. */
export function seedSalesHistory(sqlite: Database.Database, shape: SeedShape, progress: (message: string) => void) {
  const now = Date.now();
  const insertAccount = sqlite.prepare("insert into accounts (id, name, domain, owner_user_id, created_at) values (?, ?, ?, null, ?)");
  const insertLink = sqlite.prepare(
    "insert into share_links (token, account_id, demo_slug, created_at) values (?, ?, 'pipeline-basics', ?)",
  );
  const insertVisitor = sqlite.prepare(
    `insert into visitors (id, created_at, last_seen_at, source, browser, os, device, bot, do_not_track, account_id, share_link_token)
     values (?, ?, ?, ?, 'Chrome', 'macOS', ?, 0, 0, ?, ?)`,
  );
  const insertSandbox = sqlite.prepare(
    "insert into sandboxes (id, visitor_id, demo_slug, template, created_at, last_active_at, status, personalization) values (?, ?, 'pipeline-basics', 'bench', ?, ?, 'live', ?)",
  );
  const insertEvent = sqlite.prepare(
    `insert into events (id, visitor_id, sandbox_id, demo_slug, type, step_id, step_index, action, props, occurred_at, received_at, session_id, bot)
     values (?, ?, ?, 'pipeline-basics', ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
  );
  const perVisitor = Math.max(1, Math.round(shape.events / shape.visitors));
  let written = 0;
  let sampleVisitor = "";
  sqlite.transaction(() => {
    for (let a = 0; a < shape.accounts; a++) insertAccount.run(`acct-${a}`, `Account ${a} Inc.`, `account${a}.example`, now - 60 * dayMs);
    for (let l = 0; l < shape.shareLinks; l++) insertLink.run(`link-${l}`, `acct-${l % shape.accounts}`, now - 45 * dayMs);
    for (let v = 0; v < shape.visitors && written < shape.events; v++) {
      const id = `v${String(v).padStart(21, "0")}`;
      const start = now - 30 * dayMs + Math.floor((v / shape.visitors) * 29 * dayMs);
      // One visitor in five came through a share link; links cover the accounts, and forwards share a link.
      const linked = v % 5 === 0;
      const link = linked ? v % shape.shareLinks : -1;
      const account = linked ? `acct-${(link + shape.shareLinks * (((v / 5) % 4) | 0)) % shape.accounts}` : null;
      insertVisitor.run(
        id,
        start,
        start + perVisitor * 60_000,
        v % 3 === 0 ? '{"utm_source":"newsletter"}' : null,
        v % 4 === 0 ? "mobile" : "desktop",
        account,
        linked ? `link-${link}` : null,
      );
      const persona = personas[v % personas.length];
      insertSandbox.run(`s${id.slice(1)}`, id, start, start, persona ? JSON.stringify({ persona }) : null);
      const session = uuidv7();
      for (let e = 0; e < perVisitor && written < shape.events; e++, written++) {
        // A return a few days later for one visitor in seven.
        const at = start + e * 60_000 + (v % 7 === 0 && e > perVisitor / 2 ? 3 * dayMs : 0);
        const [type, step, action, props] = eventFor(v, e, perVisitor);
        insertEvent.run(uuidv7(), id, `s${id.slice(1)}`, type, step, step ? steps.indexOf(step) : null, action, props, at, at, session);
      }
      if (v === Math.floor(shape.visitors / 2)) sampleVisitor = id;
      if (v % 10_000 === 0 && v > 0) progress(`  ${written.toLocaleString("en")} events…`);
    }
  })();
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
