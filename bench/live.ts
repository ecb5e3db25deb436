// `npm run bench:live [-- --database postgres]`: with 1,000 rep and prospect streams open on the production server, the latency from
// a prospect's POST to the message arriving on every stream (commit included), the server's RSS per 1,000
// open streams, and hand-raise → signed webhook received by a local receiver; beside a plain node:http SSE
// server doing the same commit and fan-out in the same run (the ceiling).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { v7 as uuidv7 } from "uuid";
import { benchDatabase } from "./bench-database";
import { ms, percentile, startServer } from "./measure";

const total = Number(process.env.BENCH_STREAMS || 1000);
const prospectsWithStreams = total / 2;
const rounds = 20;
const root = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-bench-live-"));
const userAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

type Stream = { close: () => void; onFrame: (listener: (type: string, data: string) => void) => void };

/** A minimal EventSource over node:http: frames as (event type, data). */
function openStream(url: string, headers: Record<string, string> = {}): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const listeners: ((type: string, data: string) => void)[] = [];
    const request = http.get(url, { headers: { accept: "text/event-stream", ...headers }, agent: false }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`${url}: ${response.statusCode}`));
        response.resume();
        return;
      }
      let buffer = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf("\n\n");
        while (end !== -1) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (type && data) for (const listener of listeners) listener(type, data);
          end = buffer.indexOf("\n\n");
        }
      });
      resolve({ close: () => request.destroy(), onFrame: (listener) => listeners.push(listener) });
    });
    request.on("error", reject);
  });
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1500));
}

/** Opens `count` streams a few at a time (a burst of 1,000 connects at once would measure the backlog). */
async function openMany(count: number, open: (index: number) => Promise<Stream>): Promise<Stream[]> {
  const streams: Stream[] = [];
  for (let start = 0; start < count; start += 50) {
    streams.push(...(await Promise.all(Array.from({ length: Math.min(50, count - start) }, (_, index) => open(start + index)))));
  }
  return streams;
}

/** Time from starting `post` to a frame matching `marker` arriving on every stream, per stream. */
async function fanOutLatencies(streams: Stream[], post: (marker: string) => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const marker = `m${round}-${Math.random().toString(36).slice(2)}`;
    let started = 0;
    const arrived = streams.map(
      (stream) =>
        new Promise<void>((resolve) => {
          stream.onFrame((_type, data) => {
            if (data.includes(marker)) {
              samples.push(performance.now() - started);
              resolve();
            }
          });
        }),
    );
    started = performance.now();
    await post(marker);
    await Promise.race([Promise.all(arrived), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  return samples;
}

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
const ceilingLatency = await fanOutLatencies(ceilingStreams, async (marker) => {
  await fetch(`http://127.0.0.1:${ceilingPort}/`, { method: "POST", body: JSON.stringify({ body: marker }) });
});
for (const stream of ceilingStreams) stream.close();
ceiling.kill();

// ---- Openhouse ----
const dataDir = path.join(root, "product");
const database = await benchDatabase();
const control = await database.fresh("live", dataDir);
const email = "bench@openhouse.test";
const password = "bench password long enough";
execFileSync(
  process.execPath,
  ["--import", "tsx", "--import", "./scripts/server-only.mjs", "scripts/team.ts", "add", "--email", email, "--password", password],
  {
    env: { ...process.env, ...control.env, DATA_DIR: dataDir },
    stdio: "ignore",
  },
);
await control.query(`update "user" set role = 'admin' where email = ?`, [email]);
await control.close();

console.log(`bench:live: starting the production server on ${database.label} (builds first if sources changed)…`);
const base = `http://127.0.0.1:${port}`;
const product = await startServer({
  ...control.env,
  PORT: String(port),
  DATA_DIR: dataDir,
  PROVISION_RATE_PER_MINUTE: "1000000",
  CONVERSATIONS_PER_HOUR: "1000000",
  MESSAGES_PER_HOUR: "1000000",
  SIGNALS_BATCHES_PER_MINUTE: "1000000",
  // One rep and one address hold every stream here: the per-person and per-address caps are not what is measured.
  LIVE_STREAMS_PER_PERSON: "1000000",
  LIVE_STREAMS_PER_ADDRESS: "1000000",
  WEBHOOKS_ALLOW_PRIVATE: "1",
  SANDBOX_SPARES: "0",
});
const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
  method: "POST",
  headers: { "content-type": "application/json", origin: base, "user-agent": userAgent },
  body: JSON.stringify({ email, password }),
});
const repCookie = (signIn.headers.getSetCookie?.() ?? []).map((cookie) => cookie.split(";")[0]).join("; ");
if (!signIn.ok || !repCookie) throw new Error(`sign-in failed: ${signIn.status}`);

console.log(`bench:live: ${prospectsWithStreams} prospects try the demo…`);
const prospects: { cookie: string }[] = [];
for (let index = 0; index < prospectsWithStreams; index += 25) {
  const batch = await Promise.all(
    Array.from({ length: Math.min(25, prospectsWithStreams - index) }, async () => {
      const response = await fetch(`${base}/try/pipeline-basics`, { redirect: "manual", headers: { "user-agent": userAgent } });
      return { cookie: response.headers.get("set-cookie")?.split(";")[0] ?? "" };
    }),
  );
  prospects.push(...batch);
}
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
const asker = prospects[0] as { cookie: string };
const askerStream = prospectStreams[0] as Stream;
const messageLatency = await fanOutLatencies([...repStreams, askerStream], async (marker) => {
  const response = await fetch(`${base}/api/conversation`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: asker.cookie, "user-agent": userAgent },
    body: JSON.stringify({ body: `Question ${marker}` }),
  });
  if (response.status !== 201) throw new Error(`message refused: ${response.status} ${await response.text()}`);
});

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
  const prospect = prospects[round + 1] as { cookie: string };
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
