// `npm run bench:live [-- --database postgres]`: with 1,000 rep and prospect streams open on the production server, the latency from
// a prospect's POST to the message arriving on every stream (commit included), the server's RSS per 1,000
// open streams, and hand-raise → signed webhook received by a local receiver; beside a plain node:http SSE
// server doing the same commit and fan-out in the same run (the ceiling).
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { v7 as uuidv7 } from "uuid";
import { benchDatabase } from "./bench-database";
import { addRep, liftedLimits, type Prospect, prospectsTryTheDemo, signInRep, benchUserAgent as userAgent } from "./live-people";
import { fanOutLatencies, openMany, openStream, rssMb, type Stream, settle } from "./live-streams";
import { ms, percentile, startServer } from "./measure";

const total = Number(process.env.BENCH_STREAMS || 1000);
const prospectsWithStreams = total / 2;
const rounds = 20;
const root = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-bench-live-"));

// Ports of their own (BENCH_PORT moves both), so a bench never meets someone else's server.
const ceilingPort = Number(process.env.BENCH_PORT || 3351);
const port = ceilingPort + 1;

// ---- the ceiling ----
console.log(`bench:live: ceiling — plain node:http SSE + better-sqlite3 commit, ${total} streams…`);
const ceiling: ChildProcess = spawn(
  process.execPath,
  ["--import", "tsx", "bench/live-baseline-server.ts", String(ceilingPort), path.join(root, "ceiling.sqlite")],
  {
    stdio: ["ignore", "pipe", "inherit"],
  },
);
await new Promise<void>((resolve) => ceiling.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve()));
await settle();
const ceilingIdle = rssMb(ceiling.pid ?? 0);
const ceilingStreams = await openMany(total, () => openStream(`http://127.0.0.1:${ceilingPort}/`));
await settle();
const ceilingOpen = rssMb(ceiling.pid ?? 0);
const ceilingLatency = await fanOutLatencies(
  ceilingStreams,
  async (marker) => {
    await fetch(`http://127.0.0.1:${ceilingPort}/`, { method: "POST", body: JSON.stringify({ body: marker }) });
  },
  rounds,
);
for (const stream of ceilingStreams) stream.close();
ceiling.kill();

// ---- Openhouse ----
const dataDir = path.join(root, "product");
const database = await benchDatabase();
const control = await database.fresh("live", dataDir);
await addRep(control, dataDir);
await control.close();

console.log(`bench:live: starting the production server on ${database.label} (builds first if sources changed)…`);
const base = `http://127.0.0.1:${port}`;
const product = await startServer({
  ...control.env,
  PORT: String(port),
  DATA_DIR: dataDir,
  ...liftedLimits,
  WEBHOOKS_ALLOW_PRIVATE: "1",
});
const repCookie = await signInRep(base);

console.log(`bench:live: ${prospectsWithStreams} prospects try the demo…`);
const prospects = await prospectsTryTheDemo(base, prospectsWithStreams);
await settle();
const productIdle = rssMb(product.child.pid ?? 0);
console.log(`bench:live: opening ${prospectsWithStreams} prospect and ${total - prospectsWithStreams} rep streams…`);
const prospectStreams = await openMany(prospectsWithStreams, (index) =>
  openStream(`${base}/api/live/visitor`, { cookie: prospects[index]?.cookie ?? "" }),
);
await settle();
const productProspectsOpen = rssMb(product.child.pid ?? 0);
const repStreams = await openMany(total - prospectsWithStreams, () => openStream(`${base}/api/live/team`, { cookie: repCookie }));
await settle();
const productOpen = rssMb(product.child.pid ?? 0);

// A prospect with a stream asks; the message must reach every rep stream and their own panel.
const asker = prospects[0] as Prospect;
const askerStream = prospectStreams[0] as Stream;
const messageLatency = await fanOutLatencies(
  [...repStreams, askerStream],
  async (marker) => {
    const response = await fetch(`${base}/api/conversation`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: asker.cookie, "user-agent": userAgent },
      body: JSON.stringify({ body: `Question ${marker}` }),
    });
    if (response.status !== 201) throw new Error(`message refused: ${response.status} ${await response.text()}`);
  },
  rounds,
);

// Hand-raise → webhook received.
const arrivals = new Map<string, number>();
const receiver = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => {
    body += chunk.toString();
  });
  request.on("end", () => {
    const visitor = (JSON.parse(body) as { data?: { visitorId?: string } }).data?.visitorId;
    if (visitor && !arrivals.has(visitor)) arrivals.set(visitor, performance.now());
    response.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const hook = await fetch(`${base}/api/sales/webhooks`, {
  method: "POST",
  headers: { "content-type": "application/json", cookie: repCookie, origin: base },
  body: JSON.stringify({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`, format: "json", events: ["handraise"] }),
});
if (hook.status !== 201) throw new Error(`webhook not saved: ${hook.status} ${await hook.text()}`);
console.log(`bench:live: ${rounds} hand-raises → webhook…`);
const webhookLatency: number[] = [];
for (let round = 0; round < rounds; round += 1) {
  const prospect = prospects[round + 1] as Prospect;
  const visitorId = decodeURIComponent(prospect.cookie.split("=")[1] ?? "").split(".")[0] ?? "";
  const started = performance.now();
  await fetch(`${base}/api/signals`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: prospect.cookie, "user-agent": userAgent },
    body: JSON.stringify({ events: [{ id: uuidv7(), type: "handraise", at: Date.now(), demo: "pipeline-basics" }] }),
  });
  while (!arrivals.has(visitorId) && performance.now() - started < 15_000) await new Promise((resolve) => setTimeout(resolve, 5));
  webhookLatency.push((arrivals.get(visitorId) ?? Number.NaN) - started);
}
receiver.close();
for (const stream of [...prospectStreams, ...repStreams]) stream.close();
await product.stop();
await database.stop();

const per1000 = (open: number, idle: number) => ((open - idle) / total) * 1000;
const ceilingPer1000 = per1000(ceilingOpen, ceilingIdle);
const productPer1000 = per1000(productOpen, productIdle);
console.log("");
console.log(`Openhouse on ${database.label}; the ceiling commits to SQLite in both runs.`);
console.log(`| ${total} open streams | message p50 | message p99 | RSS per 1,000 streams |`);
console.log("| --- | --- | --- | --- |");
console.log(
  `| plain node:http SSE + commit (ceiling) | ${ms(percentile(ceilingLatency, 50))} | ${ms(percentile(ceilingLatency, 99))} | ${ceilingPer1000.toFixed(1)} MB |`,
);
console.log(
  `| Openhouse (front door, hub, commit) | ${ms(percentile(messageLatency, 50))} | ${ms(percentile(messageLatency, 99))} | ${productPer1000.toFixed(1)} MB |`,
);
console.log("");
console.log(`RSS per 1,000 streams: ${(productPer1000 / ceilingPer1000).toFixed(2)}× the ceiling (target ≤ 1.5×)`);
console.log(
  `message p99: ${ms(percentile(messageLatency, 99))} (target ≤ 100 ms), ${(percentile(messageLatency, 99) / percentile(ceilingLatency, 99)).toFixed(2)}× the ceiling's`,
);
// Where it goes: the prospects' streams (a cookie check) and the reps' (a session read) measured apart.
const perStream = (mb: number, streams: number) => ((mb / streams) * 1000).toFixed(1);
console.log(
  `RSS per 1,000 streams, by kind: prospect ${perStream(productProspectsOpen - productIdle, prospectsWithStreams)} MB, rep ${perStream(productOpen - productProspectsOpen, total - prospectsWithStreams)} MB`,
);
console.log(
  `hand-raise → webhook received: p50 ${ms(percentile(webhookLatency, 50))}, p99 ${ms(percentile(webhookLatency, 99))} (target ≤ 5 s)`,
);
fs.rmSync(root, { recursive: true, force: true });
