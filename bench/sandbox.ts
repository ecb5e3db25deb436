// `npm run bench:sandbox`: how fast a visitor gets a sandbox and what thousands of them cost.
// Our method (file copy + personalization UPDATE + control row) next to re-seeding by inserts,
// VACUUM INTO and the backup API; /try throughput over HTTP; RSS and disk per 1,000; GC of 10,000.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchHttp } from "./sandbox-http";
import { mb, ms, progress, type Timing } from "./sandbox-stats";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-bench-"));
// Set before lib/config is imported: every module below reads this data directory.
process.env.DATA_DIR = path.join(root, "inprocess");
process.env.SANDBOX_MAX_LIVE = "1000000";
process.env.SANDBOX_MAX_DISK_MB = "1000000";
// The shipped demo plus one of the size the issue names (1.6 MB of CRM data), in a scratch demos folder.
const demosDir = path.join(root, "demos");
fs.cpSync(path.join("demos", "pipeline-basics"), path.join(demosDir, "pipeline-basics"), { recursive: true });
const { writeLargeDemo } = await import("./large-fixture");
const largeSlug = writeLargeDemo(demosDir);
process.env.DEMOS_DIR = demosDir;

const Database = (await import("better-sqlite3")).default;
const { drizzle } = await import("drizzle-orm/better-sqlite3");
const { migrate } = await import("drizzle-orm/better-sqlite3/migrator");
const { and, eq } = await import("drizzle-orm");
const { closeControlPlane, migrateControlPlane, migrationsFolder, store } = await import("../db/control-plane");
const { sandboxes } = await import("../db/control/schema");
const { config, paths } = (await import("../lib/runtime/runtime")).runtime();
const { templateFor } = await import("../lib/demos/registry");
const { loadBoard } = await import("../lib/pipeline/pipeline");
const { collectGarbage } = await import("../lib/sandbox/gc");
const { closeAllSandboxes, openSandbox } = await import("../lib/sandbox/handles");
const { newId } = await import("../lib/sandbox/ids");
const { createSandbox } = await import("../lib/sandbox/provision");
const { touchVisitor } = await import("../lib/visitors/visitor-record");
const { timeRuns } = await import("./sandbox-stats");

const tables = ["settings", "companies", "contacts", "deals", "activities"];
const httpSeconds = 10;
const gcCount = 10_000;

await migrateControlPlane();
const scratch = path.join(root, "scratch");
fs.mkdirSync(scratch, { recursive: true });

const visitors = Array.from({ length: 1_400 }, () => newId());
for (const visitor of visitors) await touchVisitor(visitor);
let nextVisitor = 0;

const provision = (slug: string) => () =>
  createSandbox(visitors[nextVisitor++ % visitors.length] ?? "", slug, { company: "Globex", persona: "leader" });
/** Lets the spare pool refill between two visitors, as the server's event loop does between requests. */
const poolRefilled = (slug: string) => async () => {
  const prefix = path.basename(templateFor(slug), ".sqlite");
  const ready = () => fs.readdirSync(path.join(config.dataDir, "spares")).filter((name) => name.startsWith(prefix)).length;
  for (let turn = 0; turn < 50 && ready() < config.sandboxSpares; turn++) await new Promise((resolve) => setImmediate(resolve));
};

/** Our provisioning (spare pool, and a burst that empties it) next to re-seeding the same fixture by inserts. */
async function compare(slug: string, copies: number, reseeds: number) {
  progress(`${slug}: provisioning ${copies} sandboxes, one visitor at a time (warm spares)…`);
  const copyTiming = await timeRuns(copies, 20, provision(slug), poolRefilled(slug));
  progress(`${slug}: provisioning ${copies} sandboxes in one burst (the pool runs dry: file copies)…`);
  const burstTiming = await timeRuns(copies, 0, provision(slug));
  progress(`${slug}: re-seeding ${reseeds} sandboxes by inserts…`);
  const origin = new Database(templateFor(slug), { readonly: true });
  const rows = Object.fromEntries(
    tables.map((table) => [table, origin.prepare(`select * from ${table}`).all() as Record<string, unknown>[]]),
  );
  origin.close();
  const reseedTiming = await timeRuns(reseeds, 3, (index) => {
    const sqlite = new Database(path.join(scratch, `reseed-${slug}-${index}.sqlite`));
    sqlite.pragma("journal_mode = WAL");
    migrate(drizzle(sqlite), { migrationsFolder: migrationsFolder.sandbox() });
    sqlite.transaction(() => {
      for (const table of tables) {
        const first = rows[table]?.[0];
        if (!first) continue;
        const columns = Object.keys(first);
        const insert = sqlite.prepare(`insert into ${table} (${columns.join(",")}) values (${columns.map(() => "?").join(",")})`);
        for (const row of rows[table] ?? []) insert.run(...(Object.values(row) as never[]));
      }
      sqlite.prepare("update settings set value = ? where key = 'workspace'").run("Globex");
    })();
    sqlite.close();
  });
  return { copy: copyTiming, burst: burstTiming, reseed: reseedTiming, bytes: fs.statSync(templateFor(slug)).size };
}

const rssBefore = process.memoryUsage().rss;
const shipped = await compare("pipeline-basics", 1_000, 100);
const copy = shipped.copy;
const reseed = shipped.reseed;
const large = await compare(largeSlug, 300, 20);
const template = templateFor("pipeline-basics");
const source = new Database(template, { readonly: true });

progress("VACUUM INTO and the backup API, 200 each…");
const vacuumInto = await timeRuns(200, 10, (index) => source.prepare("vacuum into ?").run(path.join(scratch, `vacuum-${index}.sqlite`)));
const backup = await timeRuns(200, 10, (index) => source.backup(path.join(scratch, `backup-${index}.sqlite`)));
source.close();

progress("opening 1,000 live sandboxes and reading their boards…");
const live = await store().all(
  store()
    .db.select({ id: sandboxes.id })
    .from(sandboxes)
    .where(and(eq(sandboxes.status, "live"), eq(sandboxes.demoSlug, "pipeline-basics")))
    .limit(1_000),
);
for (const { id } of live) loadBoard(openSandbox(id));
const rssAfter = process.memoryUsage().rss;
const diskPerThousand =
  (live.reduce((sum, { id }) => sum + fs.statSync(path.join(paths.sandboxes, `${id}.sqlite`)).size, 0) / live.length) * 1_000;
closeAllSandboxes();

progress(`making ${gcCount.toLocaleString()} expired sandboxes, then collecting them…`);
const oldVisitor = newId();
await touchVisitor(oldVisitor);
const longAgo = new Date(Date.now() - 30 * 86_400_000);
const gcIds = Array.from({ length: gcCount }, () => newId());
for (const id of gcIds) fs.copyFileSync(template, path.join(paths.sandboxes, `${id}.sqlite`));
await store().transaction(async (tx) => {
  for (const id of gcIds)
    await tx.run(
      tx.db.insert(sandboxes).values({ id, visitorId: oldVisitor, demoSlug: "pipeline-basics", template: "bench", lastActiveAt: longAgo }),
    );
});
const gcStart = performance.now();
const gc = await collectGarbage(new Date());
const gcMs = performance.now() - gcStart;
await closeControlPlane();

const http = await benchHttp(3191, path.join(root, "http"), path.join(root, "http", "sandboxes"), httpSeconds);

const row = (name: string, timing: Timing, ours = copy) =>
  `| ${name} | ${ms(timing.p50)} | ${ms(timing.p95)} | ${ms(timing.p99)} | ${(timing.p50 / ours.p50).toFixed(1)}× | ${timing.runs} |`;
const report = [
  `Run on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  "",
  "| server-side provisioning | p50 | p95 | p99 | p50 vs ours | runs |",
  "| --- | --- | --- | --- | --- | --- |",
  row("**ours: warm spare renamed in + control row (personalization stored in it)**", copy),
  row("ours in a burst that empties the spare pool (file copy instead)", shipped.burst),
  row("re-seed: migrate + insert the fixture rows", reseed),
  row("`VACUUM INTO` from the template", vacuumInto),
  row("backup API from the template", backup),
  row(
    `**ours, reference-size fixture** (${mb(large.bytes)} template: 200 companies, 1k contacts, 500 deals, 5k activities)`,
    large.copy,
    large.copy,
  ),
  row("ours, reference-size fixture, burst (file copy)", large.burst, large.copy),
  row("re-seed, reference-size fixture", large.reseed, large.copy),
  "",
  `- Shipped demo (${mb(shipped.bytes)} template): re-seeding is ${(reseed.p50 / copy.p50).toFixed(1)}× slower than our copy at p50; ours p50 ${ms(copy.p50)} (target ≤ 2 ms), p95 ${ms(copy.p95)} (target ≤ 10 ms).`,
  `- Reference-size fixture: re-seeding is **${(large.reseed.p50 / large.copy.p50).toFixed(0)}×** slower than our copy at p50 (target ≥ 20×); ours p50 ${ms(large.copy.p50)}, p95 ${ms(large.copy.p95)}.`,
  `- HTTP: **${http.provisionsPerSecond.toFixed(0)} provisions/s** over ${httpSeconds} s of concurrent \`GET /try/pipeline-basics\` without cookies (20 connections, loopback, production server; target ≥ 200/s); ${http.redirects} redirects to a new sandbox, ${http.otherResponses} other responses; latency p50 ${http.p50LatencyMs} ms, p99 ${http.p99LatencyMs} ms.`,
  `- Production server RSS: idle right after start ${http.rssIdleMb.toFixed(0)} MB (Next itself); with 1,000 live sandboxes (made over HTTP): **${http.rssAtThousandMb.toFixed(0)} MB** (target ≤ 300 MB), i.e. +${(http.rssAtThousandMb - http.rssIdleMb).toFixed(0)} MB for serving and holding them; after the throughput run, with ${http.liveFiles.toLocaleString()} live: ${http.serverRssMb.toFixed(0)} MB. Those sandboxes use ${mb(http.diskBytes)} on disk.`,
  `- In-process: 1,000 sandboxes provisioned and all opened and read through the handle LRU: RSS +${mb(rssAfter - rssBefore)} (now ${mb(rssAfter)}). Disk per 1,000 live sandboxes: **${mb(diskPerThousand)}**.`,
  `- GC of ${gcCount.toLocaleString()} expired sandboxes (rows marked gone, files removed): **${(gcMs / 1000).toFixed(2)} s** (${gc.expired} expired).`,
].join("\n");

console.log(`\n## Sandbox (npm run bench:sandbox)\n\n${report}\n`);
// The server may still be unlinking its files for a moment after it exits.
fs.rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
