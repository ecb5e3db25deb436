// `npm run bench:signals [-- --database postgres]`: ingest throughput and latency through the production
// server (lean path, durable commits, group commit), next to a raw ceiling on the same database — node:http +
// better-sqlite3 (FULL), or node:http + one multi-row INSERT … ON CONFLICT DO NOTHING per request on
// PostgreSQL — the same raw server writing the product's own events table (every index and column), and a
// no-write baseline, all measured in this run with the same load: 20-event batches, 50 connections. Beside each,
// where its CPU went (./cpu-share.ts): the machine's idle share and the CPU time per event of the server, the
// database and the load generator, against what the cores have per event at the ceiling's throughput.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchDatabase } from "./bench-database";
import { type CpuShare, cpuMark, cpuShareSince } from "./cpu-share";
import { startServer } from "./measure";
import { type LoadResult, postLoad } from "./signals-load";

const seconds = Number(process.env.BENCH_SECONDS || 10);
const connections = 50;
// BENCH_PORT=<n>: the four servers listen on n+1..n+4 (default 3197..3200), so two people can bench at once.
const basePort = Number(process.env.BENCH_PORT || 3196);
const [noWritePort, ceilingPort, productPort, tablePort] = [basePort + 1, basePort + 2, basePort + 3, basePort + 4];
const root = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-bench-signals-"));
const database = await benchDatabase();

async function reference(
  mode: "ceiling" | "pg-ceiling" | "ceiling-events" | "pg-ceiling-events" | "no-write",
  port: number,
  target = path.join(root, `${mode}.sqlite`),
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./scripts/server-only.mjs", "bench/signals-baseline-server.ts", mode, String(port), target],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve) => child.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve()));
  return child;
}

type Measured = LoadResult & { cpu: CpuShare | undefined };

async function measure(name: string, url: string, serverPid: number | undefined, cookie?: string): Promise<Measured> {
  console.log(`bench:signals: ${name}: ${seconds} s, ${connections} connections, 20-event batches…`);
  const from = cpuMark();
  const result = await postLoad(url, seconds, connections, cookie);
  return { ...result, cpu: cpuShareSince(from, serverPid, result.eventsPerSecond * seconds) };
}

const noWriteServer = await reference("no-write", noWritePort);
const noWrite = await measure("no-write baseline", `http://127.0.0.1:${noWritePort}/api/signals`, noWriteServer.pid);
noWriteServer.kill();
const ceilingName =
  database.kind === "sqlite"
    ? "raw node:http + better-sqlite3 ceiling (FULL)"
    : `raw node:http + ${database.label} ceiling (one multi-row INSERT per request)`;
const ceilingDatabase = database.kind === "postgres" ? await database.fresh("ceiling", root) : undefined;
const ceilingServer = await reference(database.kind === "sqlite" ? "ceiling" : "pg-ceiling", ceilingPort, ceilingDatabase?.url);
const ceiling = await measure(ceilingName, `http://127.0.0.1:${ceilingPort}/api/signals`, ceilingServer.pid);
ceilingServer.kill();
await ceilingDatabase?.close();

// The same raw server on the product's own events table: the table's share of the difference.
const tableName = `raw node:http + ${database.label}, the product's events table (every index and column)`;
const tableDatabase = database.kind === "postgres" ? await database.fresh("events_table", root) : undefined;
const tableServer = await reference(database.kind === "sqlite" ? "ceiling-events" : "pg-ceiling-events", tablePort, tableDatabase?.url);
const table = await measure(tableName, `http://127.0.0.1:${tablePort}/api/signals`, tableServer.pid);
tableServer.kill();
await tableDatabase?.close();

console.log(`bench:signals: starting the production server on ${database.label} (builds first if sources changed)…`);
const productDir = path.join(root, "product");
const control = await database.fresh("product", productDir);
const product = await startServer({
  ...control.env,
  PORT: String(productPort),
  DATA_DIR: productDir,
  SIGNALS_BATCHES_PER_MINUTE: "100000000",
});
// A real visitor: events are linked, sessions assigned, as for a person in a demo.
const tryIt = await fetch(`http://127.0.0.1:${productPort}/try/pipeline-basics`, {
  redirect: "manual",
  headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36" },
});
const cookie = tryIt.headers.get("set-cookie")?.split(";")[0];
const ours = await measure("Openhouse production server", `http://127.0.0.1:${productPort}/api/signals`, product.child.pid, cookie);
await product.stop();

const count = async (text: string) => Number((await control.query<{ n: number | string }>(text))[0]?.n);
const stored = await count("select count(*) as n from events");
const linked = await count("select count(*) as n from events where visitor_id is not null and session_id is not null");
await control.close();
await database.stop();
fs.rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });

const us = (value: number) => value.toFixed(1);
const cpuCells = ({ cpu }: Measured) =>
  cpu ? `${Math.round(cpu.idle * 100)}% | ${us(cpu.server)} / ${us(cpu.database)} / ${us(cpu.load)}` : "— | —";
const row = (name: string, result: Measured) =>
  `| ${name} | ${Math.round(result.eventsPerSecond).toLocaleString("en-US")} | ${result.p50} ms | ${result.p99} ms | ${result.non2xx + result.errors} | ${cpuCells(result)} |`;
// At the ceiling's throughput, the CPU time the machine has for each event, against what ours take.
const budget = (os.availableParallelism() * 1e6) / ceiling.eventsPerSecond;
const cpuPerEvent = (result: Measured) => (result.cpu ? result.cpu.server + result.cpu.database + result.cpu.load : Number.NaN);
console.log(
  [
    "",
    `## Signals on ${database.label} (npm run bench:signals${database.kind === "postgres" ? " -- --database postgres" : ""})`,
    "",
    `Run on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ${seconds} s each, ${connections} connections, 20-event batches, load generator on the same 2 cores.`,
    "",
    "| server | events/s | p50 | p99 | failed requests | machine idle | CPU µs an event: server / database / load generator |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    row("no-write baseline (node:http, parse, answer)", noWrite),
    row(
      database.kind === "sqlite"
        ? "raw ceiling: node:http + better-sqlite3, WAL, synchronous=FULL"
        : `raw ceiling: node:http + ${database.label}, one multi-row INSERT … ON CONFLICT DO NOTHING, synchronous_commit on`,
      ceiling,
    ),
    row(
      database.kind === "sqlite"
        ? "raw, the product's events table: node:http + better-sqlite3, FULL, the same rows as ingest writes"
        : `raw, the product's events table: node:http + ${database.label}, one multi-row INSERT, the same rows as ingest writes`,
      table,
    ),
    row(`**Openhouse** \`npm start\` on ${database.label} (lean path, zod, durable, group commit, sessions)`, ours),
    "",
    `- Openhouse / raw ceiling: **${((ours.eventsPerSecond / ceiling.eventsPerSecond) * 100).toFixed(0)}%** (target ≥ ${database.kind === "sqlite" ? "130" : "100"}%); p99 ${ours.p99} ms against the ceiling's ${ceiling.p99} ms (target: no higher).`,
    `- Openhouse / the raw server on the product's own events table: ${((ours.eventsPerSecond / table.eventsPerSecond) * 100).toFixed(0)}% (the table alone is ${((table.eventsPerSecond / ceiling.eventsPerSecond) * 100).toFixed(0)}% of the ceiling).`,
    `- CPU an event: ours ${us(cpuPerEvent(ours))} µs in all (server, database and load generator), the ceiling's ${us(cpuPerEvent(ceiling))} µs; at the ceiling's throughput the ${os.availableParallelism()} cores have ${us(budget)} µs an event. Idle CPU while ours was loaded means it waited rather than ran out of cores.`,
    `- Cost of durability (ceiling / no-write): ${((ceiling.eventsPerSecond / noWrite.eventsPerSecond) * 100).toFixed(0)}% of the no-write throughput.`,
    `- Stored ${stored.toLocaleString("en-US")} events, ${linked.toLocaleString("en-US")} linked to the visitor and a session.`,
  ].join("\n"),
);
