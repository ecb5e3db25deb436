// `npm run bench:insights`: how long a rep waits for the visitor list as the event store grows.
// Ours (walk visitors newest first by index, correlated subqueries per row) next to the baseline of the same
// run: one GROUP BY over every visitor's events, then sort and cut to a page — what the list did before.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { percentile } from "./measure";

const progress = (message: string) => process.stderr.write(`bench:insights: ${message}\n`);

const root = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-bench-insights-"));
process.env.DATA_DIR = root;
const { and, desc, eq, sql } = await import("drizzle-orm");
const { closeControlPlane, migrateControlPlane, store } = await import("../db/control-plane");
const { embeddedControlConnection } = await import("./embedded-control");
const { events, visitors } = await import("../db/control/schema");
const { registerDemos } = await import("../lib/demos/registry");
const { listVisitors } = await import("../lib/insights/visitors");
const { newId } = await import("../lib/sandbox/ids");
const { interactionTypes } = await import("../lib/signals/event-schema");
const { v7: uuidv7 } = await import("uuid");

const sizes = [1_000, 10_000, 50_000];
const eventsPerVisitor = 40;
const runs = 30;

await migrateControlPlane();
await registerDemos();
const sqlite = embeddedControlConnection("bench:insights");

/** Visitors with a realistic mix: people touring and acting, known bots, automated browsers, GPC visitors. */
function seedUpTo(total: number, already: number): void {
  const insertVisitor = sqlite.prepare(
    "insert into visitors (id, created_at, last_seen_at, browser, os, device, bot, do_not_track) values (?, ?, ?, 'Chrome', 'Linux', 'desktop', ?, ?)",
  );
  const insertEvent = sqlite.prepare(
    "insert into events (id, visitor_id, demo_slug, type, step_id, step_index, action, occurred_at, received_at, bot) values (?, ?, 'pipeline-basics', ?, ?, ?, ?, ?, ?, ?)",
  );
  const types = ["step.viewed", "step.completed", "step.viewed", "sandbox.action", "step.viewed"];
  const steps = ["welcome", "board", "total", "create-deal", "move-stage", "human"];
  const start = Date.now() - 30 * 86_400_000;
  sqlite.transaction(() => {
    for (let n = already; n < total; n++) {
      const id = newId();
      const seen = start + n * 1_000;
      const knownBot = n % 20 === 0;
      const automated = n % 20 === 1;
      insertVisitor.run(id, seen, seen, knownBot ? 1 : 0, n % 50 === 2 ? 1 : 0);
      for (let e = 0; e < eventsPerVisitor; e++) {
        const type =
          n % 97 === 3 && e === eventsPerVisitor - 1 ? "handraise" : automated ? "step.viewed" : (types[e % types.length] ?? "step.viewed");
        const step = steps[e % steps.length] ?? null;
        insertEvent.run(
          uuidv7(),
          id,
          type,
          step,
          e % steps.length,
          type === "sandbox.action" ? "deal.created" : null,
          seen + e,
          seen + e,
          automated ? 1 : 0,
        );
      }
    }
  })();
}

/** The baseline: the list as one aggregate over all events of all visitors, then ordered and cut. */
function aggregateAll(limit = 200) {
  const interactionCount = sql`sum(case when ${events.type} in (${sql.join(
    interactionTypes.map((type) => sql`${type}`),
    sql`, `,
  )}) then 1 else 0 end)`;
  return store().all(
    store()
      .db.select({
        id: visitors.id,
        stepsCompleted: sql<number>`count(distinct case when ${events.type} = 'step.completed' then ${events.demoSlug} || ':' || ${events.stepId} end)`,
        sandboxActions: sql<number>`sum(case when ${events.type} = 'sandbox.action' then 1 else 0 end)`,
        handRaises: sql<number>`sum(case when ${events.type} = 'handraise' then 1 else 0 end)`,
      })
      .from(visitors)
      .leftJoin(events, eq(events.visitorId, visitors.id))
      .where(and(eq(visitors.bot, false), eq(visitors.doNotTrack, false)))
      .groupBy(visitors.id)
      .having(sql`not (count(${events.id}) > 0 and sum(${events.bot}) = count(${events.id}) and ${interactionCount} = 0)`)
      .orderBy(desc(visitors.lastSeenAt))
      .limit(limit),
  );
}

async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await fn(); // warm the page cache and statement cache
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const results: string[] = [];
let seeded = 0;
let smallest: number | undefined;
for (const size of sizes) {
  progress(`seeding ${size.toLocaleString()} visitors × ${eventsPerVisitor} events…`);
  seedUpTo(size, seeded);
  seeded = size;
  sqlite.exec("analyze");
  const ours = await listVisitors();
  const baseline = await aggregateAll();
  // Same page, same order, same numbers: the speed-up must not change what a rep sees.
  const same =
    ours.length === baseline.length &&
    ours.every((row, index) => row.id === baseline[index]?.id && row.sandboxActions === baseline[index]?.sandboxActions);
  if (!same) throw new Error("the two queries disagree");
  progress(`timing ${runs} page loads of each…`);
  const fast = await time(() => listVisitors());
  const slow = await time(() => aggregateAll());
  smallest ??= fast.p50;
  results.push(
    `| ${size.toLocaleString()} visitors, ${(size * eventsPerVisitor).toLocaleString()} events | ${fast.p50.toFixed(1)} / ${fast.p95.toFixed(1)} ms | ${slow.p50.toFixed(1)} / ${slow.p95.toFixed(1)} ms | ${(slow.p50 / fast.p50).toFixed(0)}× | ${(fast.p50 / smallest).toFixed(2)}× |`,
  );
}

console.log(`
Rep's visitor list, first page of 200 (p50 / p95 over ${runs} loads, in-process, real SQLite file)

| event store | ours: index walk + per-row subqueries | baseline: aggregate everything | baseline / ours | ours vs smallest store |
| --- | --- | --- | --- | --- |
${results.join("\n")}
`);
await closeControlPlane();
fs.rmSync(root, { recursive: true, force: true });
