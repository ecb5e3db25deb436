// `npm run bench:sales [-- --database postgres]`: how long a rep waits for the workspace as the event store grows. Seeds a synthetic
// history (100k events, then 1M: 100k visitors, 2k accounts, 500 share links) into fresh data directories,
// folds it into the aggregates, starts the real server, signs in and times over HTTP the hot list, an
// account's journey, a visitor's journey, a funnel and the CSV export; prints 1M / 100k ratios and the
// server's RSS growth while it streams the CSV.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { benchDatabase, type ControlDatabase } from "./bench-database";
import { percentile, startServer } from "./measure";
import { postgresSeedWriter, type SeedShape, seedSalesHistory, sqliteSeedWriter } from "./sales-seed";

const progress = (message: string) => process.stderr.write(`bench:sales: ${message}\n`);
const port = Number(process.env.BENCH_PORT || 3291);
const base = `http://localhost:${port}`;
// 40 timed requests a page, so p95 is not the second-slowest of a handful; 5 before them, as a server that has been
// up has already compiled the page's code (the first requests after a start ran 10× slower: 2026-12-07).
const runs = Number(process.env.BENCH_RUNS || 40);
const warmUp = 5;
const warmRounds = Number(process.env.BENCH_WARM_ROUNDS || 10);
// The CSV's requests are half a second apart, as a rep's exports are (seconds apart at the least). Back to back, each
// began while the server was still settling the previous download, 15.8 MB at 1M: its first step, the session
// look-up, which does not grow with the data, took 7–23 ms instead of 2–3 ms in about half the requests at 1M and
// in a few at 100k (1.6 MB), so the 1M / 100k ratio measured the downloads more than the export. With the pause,
// the 1M p95 was 17.8 ms against 28.4 ms back to back in the same run (BENCHMARKS.md, 2026-12-08).
const csvPauseMs = 500;
const member = { email: "bench@openhouse.test", password: "a long bench passphrase", name: "Bench" };

const shapes: [string, SeedShape][] = [
  ["100k events", { events: 100_000, visitors: 10_000, accounts: 200, shareLinks: 50 }],
  ["1M events", { events: 1_000_000, visitors: 100_000, accounts: 2_000, shareLinks: 500 }],
];

const database = await benchDatabase();
const { installRuntime } = await import("../lib/runtime/runtime");
const { migrateControlPlane, closeControlPlane } = await import("../db/control-plane");
const { embeddedControlConnection } = await import("./embedded-control");
const { registerDemos } = await import("../lib/demos/registry");
const { catchUpInsights } = await import("../lib/insights/fold");
const { addTeamMember } = await import("../lib/auth/team");

/** Seeds through the dialect's fastest plain path, then refreshes the planner's statistics. */
async function seed(control: ControlDatabase, shape: SeedShape) {
  if (!control.url) {
    const sqlite = embeddedControlConnection("bench:sales");
    sqlite.exec("begin");
    const seeded = await seedSalesHistory(sqliteSeedWriter(sqlite), shape, progress);
    sqlite.exec("commit");
    sqlite.exec("analyze");
    return seeded;
  }
  const sql = postgres(control.url, { max: 1, onnotice: () => {} });
  try {
    const seeded = await sql.begin((tx) => seedSalesHistory(postgresSeedWriter(tx), shape, progress));
    await sql`analyze`;
    return seeded;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function prepare(shape: SeedShape, label: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-bench-sales-"));
  const control = await database.fresh(label.toLowerCase().replace(/\W+/g, "_"), dataDir);
  // This process migrates, seeds and folds the database the server will then serve.
  if (control.url) process.env.DATABASE_URL = control.url;
  const runtime = installRuntime({ dataDir });
  await migrateControlPlane();
  await registerDemos();
  let started = performance.now();
  progress(`seeding ${shape.events.toLocaleString("en")} events, ${shape.visitors.toLocaleString("en")} visitors into ${database.label}…`);
  const seeded = await seed(control, shape);
  const seedMs = performance.now() - started;
  started = performance.now();
  await catchUpInsights({ maxEvents: Number.POSITIVE_INFINITY, chunk: 20_000 });
  const foldMs = performance.now() - started;
  progress(`seeded in ${(seedMs / 1000).toFixed(1)} s, folded in ${(foldMs / 1000).toFixed(1)} s`);
  // The fold has just written every aggregate row (at 1M: visitor_activity, hot_list_facets, funnel_marks' 180k
  // rows): left alone, autovacuum vacuums and analyses them up to a minute later, during the timings (seen in
  // pg_stat_activity on 2026-12-07). An operator's database is long past that, so the bench settles it first.
  if (control.url) await control.query("vacuum analyze");
  await addTeamMember(member);
  // Start the server on a checkpointed file, as a long-running one would be: otherwise its first checkpoint
  // copies the seeding's whole write-ahead log (about a gigabyte) while it is being timed.
  if (!control.url) embeddedControlConnection("bench:sales").pragma("wal_checkpoint(TRUNCATE)");
  else
    await control.query("checkpoint").catch(() => progress("no right to CHECKPOINT on this server: its next one may fall in the timings"));
  await closeControlPlane();
  await runtime.close();
  delete process.env.DATABASE_URL;
  // Seeding, folding and vacuuming leave gigabytes of dirty pages the kernel writes back for many seconds: the
  // first page timed used to pay for it (hot list p50 43–62 ms in the bench, 24–34 ms by hand on the same kept
  // database). A rep's database is not being bulk-loaded as they read, so the timings start on a settled disk.
  started = performance.now();
  execFileSync("sync");
  progress(`dirty pages written back in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { dataDir, control, seeded, seedMs, foldMs };
}

async function signIn(): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: member.email, password: member.password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  if (!response.ok || !cookie) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return cookie;
}

/** The server's own account of a response (lib/http/server-timing.ts): `total` and each named part, in ms. */
function serverTiming(response: Response): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const entry of (response.headers.get("server-timing") ?? "").split(",")) {
    const [name, ...params] = entry.trim().split(";");
    const duration = params.find((param) => param.startsWith("dur="));
    if (name && duration) parts[name] = Number(duration.slice(4));
  }
  return parts;
}

type Timing = { p50: number; p95: number; serverP50: number; serverP95: number; parts: Record<string, number> };

/**
 * Wall time (what the rep waits, loopback included) and server time (request in → headers out, as the server
 * measured it; a page without Suspense sends its headers after its whole render) per request; `parts` are the
 * median of each named part, where the time went.
 */
async function time(url: string, cookie: string, pauseMs = 0): Promise<Timing> {
  const wall: number[] = [];
  const server: number[] = [];
  const parts = new Map<string, number[]>();
  for (let run = -warmUp; run < runs; run++) {
    const started = performance.now();
    const response = await fetch(`${base}${url}`, { headers: { cookie }, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    if (run < 0) continue;
    wall.push(performance.now() - started);
    const { total, ...named } = serverTiming(response);
    if (total === undefined) throw new Error(`${url} sent no Server-Timing total`);
    server.push(total);
    for (const [name, ms] of Object.entries(named)) parts.set(name, [...(parts.get(name) ?? []), ms]);
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return {
    p50: percentile(wall, 50),
    p95: percentile(wall, 95),
    serverP50: percentile(server, 50),
    serverP95: percentile(server, 95),
    parts: Object.fromEntries([...parts].map(([name, samples]) => [name, percentile(samples, 50)])),
  };
}

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

/** Streams the CSV once while sampling the server's RSS every 10 ms: the peak growth over the idle RSS. */
async function csvMemory(pid: number, cookie: string) {
  const before = rssOf(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssOf(pid));
  }, 10);
  const response = await fetch(`${base}/api/sales/export/visitors.csv`, { headers: { cookie } });
  const reader = response.body?.getReader();
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    bytes += chunk.value.length;
    for (const byte of chunk.value) if (byte === 10) lines++;
  }
  clearInterval(sampler);
  return { before, growth: peak - before, bytes, rows: lines - 1 };
}

type Result = {
  label: string;
  pages: Record<string, Timing>;
  csv: Awaited<ReturnType<typeof csvMemory>>;
  seedMs: number;
  foldMs: number;
};
const results: Result[] = [];
for (const [label, shape] of shapes) {
  const { dataDir, control, seeded, seedMs, foldMs } = await prepare(shape, label);
  progress(`starting the server on ${dataDir} (${database.label})…`);
  const server = await startServer({ ...control.env, DATA_DIR: dataDir, PORT: String(port) });
  try {
    const cookie = await signIn();
    const pages: Result["pages"] = {};
    const urls: [string, string][] = [
      ["hot list", "/sales"],
      ["hot list, filtered (hand raised, leader)", "/sales?hand=1&persona=leader"],
      ["hot list, filtered (anonymous, rep, this demo)", "/sales?who=anonymous&persona=rep&demo=pipeline-basics"],
      ["account journey", `/sales/accounts/${seeded.accountId}/journey`],
      ["visitor journey", `/sales/visitors/${seeded.visitorId}`],
      ["funnel", "/sales/funnels/pipeline-basics"],
      ["hot list JSON", "/api/sales/hot-list"],
      ["CSV export (every visitor)", "/api/sales/export/visitors.csv"],
    ];
    // A server that has answered a few requests, not one that has just started: on a fresh server the hot list's
    // first 30 requests took 40–64 ms and the next ones 22–37 ms (kept 1M-event PostgreSQL database, 2026-12-07) —
    // V8 compiling the render path, which a rep's long-running server has done long before. Five warm-up requests a
    // page left the first page timed paying for it, so every page is first asked for in turn (the CSV, at over a
    // second a request at 1M, keeps its own five).
    progress(`warming up: every page but the CSV, ${warmRounds} rounds…`);
    for (let round = 0; round < warmRounds; round++) {
      for (const [, url] of urls.filter(([, url]) => !url.endsWith(".csv"))) {
        await (await fetch(`${base}${url}`, { headers: { cookie }, redirect: "manual" })).arrayBuffer();
      }
    }
    for (const [name, url] of urls) {
      progress(`timing ${name} (${runs} requests)…`);
      pages[name] = await time(url, cookie, url.endsWith(".csv") ? csvPauseMs : 0);
    }
    const csv = await csvMemory(server.child.pid ?? 0, cookie);
    results.push({ label, pages, csv, seedMs, foldMs });
  } finally {
    await server.stop();
    await control.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
await database.stop();

const [small, large] = results;
const ms = (value: number | undefined) => `${(value ?? Number.NaN).toFixed(1)}`;
const ratio = (a: number | undefined, b: number | undefined) => `${((b ?? Number.NaN) / (a ?? Number.NaN)).toFixed(2)}×`;
const partsOf = (timing: Timing | undefined) =>
  Object.entries(timing?.parts ?? {})
    .map(([name, value]) => `${name} ${value.toFixed(1)}`)
    .join(", ") || "—";
console.log(`
Rep workspace on ${database.label} over HTTP (p50 / p95 over ${runs} requests in ms after ${warmRounds} warm-up rounds of every page but the CSV and ${warmUp} requests of the page, signed in, production server, loopback).
Server time is the server's Server-Timing total (request in → headers out); parts are medians at 1M.
Load average when done: ${os
  .loadavg()
  .map((load) => load.toFixed(2))
  .join(", ")} on ${os.cpus().length} cores.

| page | server, ${small?.label} | server, ${large?.label} | 1M / 100k (server p95) | wall, ${small?.label} | wall, ${large?.label} | parts at 1M (p50) |
| --- | --- | --- | --- | --- | --- | --- |
${Object.keys(large?.pages ?? {})
  .map((name) => {
    const a = small?.pages[name];
    const b = large?.pages[name];
    return `| ${name} | ${ms(a?.serverP50)} / ${ms(a?.serverP95)} | ${ms(b?.serverP50)} / ${ms(b?.serverP95)} | ${ratio(a?.serverP95, b?.serverP95)} | ${ms(a?.p50)} / ${ms(a?.p95)} | ${ms(b?.p50)} / ${ms(b?.p95)} | ${partsOf(b)} |`;
  })
  .join("\n")}

${results
  .map(
    (result) =>
      `- ${result.label}: seeded in ${(result.seedMs / 1000).toFixed(1)} s, folded into the aggregates in ${(result.foldMs / 1000).toFixed(1)} s; CSV of ${result.csv.rows.toLocaleString("en")} rows (${(result.csv.bytes / 1e6).toFixed(1)} MB) streamed with server RSS ${result.csv.before.toFixed(0)} MB → +${result.csv.growth.toFixed(1)} MB at peak`,
  )
  .join("\n")}
`);
