// `npm run bench:cluster`: Openhouse as a cluster on this machine (scripts/cluster: one PostgreSQL, app nodes,
// HAProxy in front), measured as visitors meet it, in one run:
//   1. signals ingest through the load balancer with 1 node and with 2 nodes (events/s, and their ratio);
//   2. with 2 nodes and 1,000 open streams spread over both, the time from a prospect's message (commit included)
//      to its frame on each stream, for streams on the prospect's node and on the other one;
//   3. the time from a node's kill -9 to its prospects being served again (a fresh copy with the note).
// Everything runs on the same cores as the load generator: read the ratios, not the absolute figures.
import os from "node:os";
import postgres from "postgres";
import { type Cluster, startCluster } from "../scripts/cluster/start-cluster";
import { startPostgres } from "../scripts/postgres/postgres";
import { ensureProductionBuild } from "../scripts/production-build";
import { root } from "../scripts/serve";
import type { ControlDatabase } from "./bench-database";
import { addRep, liftedLimits, signInRep, benchUserAgent as userAgent } from "./live-people";
import { openMany, openStream, type Stream, settle } from "./live-streams";
import { ms, percentile } from "./measure";
import { eventsPerBatch, type LoadResult, postLoad } from "./signals-load";

const port = Number(process.env.BENCH_PORT || 3420);
const seconds = 10;
const connections = 50;
const streamsTotal = Number(process.env.BENCH_STREAMS || 1000);
const rounds = 20;
const say = (line: string) => console.error(`bench:cluster: ${line}`);

if ((await ensureProductionBuild(root, say)) === "failed") throw new Error("the production build failed");
// One PostgreSQL server for both clusters (each gets a database of its own), started here or DATABASE_URL's.
const existing = process.env.DATABASE_URL;
delete process.env.DATABASE_URL;
const server = await startPostgres({ existingUrl: existing, log: say });

type Prospect = { cookie: string; sandboxId: string; node: string };

/** Cookies a response sets, merged over the ones a client already holds (a minimal cookie jar). */
function withCookies(held: string, response: Response): string {
  const jar = new Map(held ? held.split("; ").map((pair) => [pair.split("=")[0] ?? "", pair] as const) : []);
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0] ?? "";
    jar.set(pair.split("=")[0] ?? "", pair);
  }
  return [...jar.values()].join("; ");
}

/** `count` prospects click Try it through the load balancer: each keeps its visitor cookie and HAProxy's node cookie. */
async function prospectsTryTheDemo(base: string, count: number): Promise<Prospect[]> {
  const prospects: Prospect[] = [];
  for (let start = 0; start < count; start += 25) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(25, count - start) }, async () => {
        const response = await fetch(`${base}/try/pipeline-basics`, { redirect: "manual", headers: { "user-agent": userAgent } });
        const sandboxId = /^\/s\/([^/?]+)/.exec(response.headers.get("location") ?? "")?.[1] ?? "";
        if (response.status !== 303 || !sandboxId) throw new Error(`/try answered ${response.status}`);
        return { cookie: withCookies("", response), sandboxId, node: response.headers.get("x-openhouse-node") ?? "?" };
      }),
    );
    prospects.push(...batch);
  }
  return prospects;
}

/** The bench's rep, added and made an admin as bench:live does it (bench/live-people.ts). */
async function addRepTo(cluster: Cluster): Promise<void> {
  const sql = postgres(cluster.postgresUrl, { max: 1, onnotice: () => {} });
  const control: ControlDatabase = {
    env: { DATABASE_URL: cluster.postgresUrl, OPENHOUSE_SECRET: cluster.env.OPENHOUSE_SECRET ?? "" },
    url: cluster.postgresUrl,
    async query<Row>(text: string, params: unknown[] = []) {
      let n = 0;
      return (await sql.unsafe(
        text.replace(/\?/g, () => `$${++n}`),
        params as postgres.ParameterOrJSON<never>[],
      )) as unknown as Row[];
    },
    close: () => sql.end({ timeout: 5 }),
  };
  await addRep(control, cluster.env.DATA_DIR ?? "");
  await control.close();
}

async function withCluster<T>(nodes: number, label: string, work: (cluster: Cluster) => Promise<T>): Promise<T> {
  say(`starting ${nodes} node(s) behind HAProxy (${label})…`);
  const cluster = await startCluster({ nodes, port, postgresServerUrl: server.url, env: { ...liftedLimits, WEBHOOKS_ALLOW_PRIVATE: "1" } });
  try {
    return await work(cluster);
  } finally {
    await cluster.stop();
  }
}

/** Signals through the load balancer from 50 prospects, each sending to the node HAProxy keeps them on. */
async function ingest(cluster: Cluster): Promise<LoadResult & { spread: Record<string, number> }> {
  const prospects = await prospectsTryTheDemo(cluster.url, connections);
  const spread: Record<string, number> = {};
  for (const prospect of prospects) spread[prospect.node] = (spread[prospect.node] ?? 0) + 1;
  say(`signals: ${seconds} s, ${connections} connections, ${eventsPerBatch}-event batches, over ${JSON.stringify(spread)}…`);
  return {
    ...(await postLoad(
      `${cluster.url}/api/signals`,
      seconds,
      connections,
      prospects.map((p) => p.cookie),
    )),
    spread,
  };
}

const one = await withCluster(1, "ingest", ingest);
const two = await withCluster(2, "ingest", ingest);

type Tagged = { stream: Stream; node: string };

/** Rounds of a message posted by `post(marker)`; per round, the time to its frame on every stream, by the stream's node. */
async function fanOutByNode(streams: Tagged[], post: (marker: string) => Promise<void>) {
  const samples = new Map<string, number[]>();
  let missed = 0;
  for (let round = 0; round < rounds; round++) {
    const marker = `m${round}-${Math.random().toString(36).slice(2)}`;
    const stops: (() => void)[] = [];
    let started = 0;
    const arrivals = streams.map(
      ({ stream, node }) =>
        new Promise<boolean>((resolve) => {
          const stop = stream.onFrame((_type, data) => {
            if (!data.includes(marker)) return;
            samples.set(node, [...(samples.get(node) ?? []), performance.now() - started]);
            stop();
            resolve(true);
          });
          stops.push(stop);
          setTimeout(() => resolve(false), 10_000).unref();
        }),
    );
    started = performance.now();
    await post(marker);
    missed += (await Promise.all(arrivals)).filter((arrived) => !arrived).length;
    for (const stop of stops) stop();
  }
  return { samples, missed };
}

const fanOut = await withCluster(2, "live fan-out and a node's death", async (cluster) => {
  await addRepTo(cluster);
  const repCookie = await signInRep(cluster.url);
  const prospects = await prospectsTryTheDemo(cluster.url, streamsTotal / 2);
  say(
    `opening ${streamsTotal / 2} prospect streams (through HAProxy, each to its node) and ${streamsTotal / 2} rep streams (half on each node)…`,
  );
  const prospectStreams = await openMany(prospects.length, async (index) => {
    const prospect = prospects[index] as Prospect;
    return openStream(`${cluster.url}/api/live/visitor`, { cookie: prospect.cookie, "user-agent": userAgent });
  });
  const nodes = cluster.nodes;
  const repStreams = await openMany(streamsTotal / 2, (index) =>
    openStream(`${nodes[index % nodes.length]?.url}/api/live/team`, { cookie: repCookie, "user-agent": userAgent }),
  );
  await settle();
  const asker = prospects[0] as Prospect;
  const tagged: Tagged[] = [
    { stream: prospectStreams[0] as Stream, node: "the prospect's own panel" },
    ...repStreams.map((stream, index) => ({
      stream,
      node: nodes[index % nodes.length]?.name === asker.node ? "rep streams on the prospect's node" : "rep streams on the other node",
    })),
  ];
  say(`${rounds} messages from a prospect on ${asker.node}, each timed to its frame on ${tagged.length} streams…`);
  const latency = await fanOutByNode(tagged, async (marker) => {
    const response = await fetch(`${cluster.url}/api/conversation`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: asker.cookie, "user-agent": userAgent, origin: cluster.url },
      body: JSON.stringify({ body: `Question ${marker}` }),
    });
    if (response.status !== 201) throw new Error(`message refused: ${response.status} ${await response.text()}`);
  });
  for (const stream of [...prospectStreams, ...repStreams]) stream.close();

  // A node dies: how long until each of its prospects is served again (a page of a copy, through HAProxy).
  const victim = nodes[1];
  if (!victim) throw new Error("the fan-out cluster has one node");
  const orphans = prospects.filter((prospect) => prospect.node === victim.name).slice(0, 10);
  say(`kill -9 ${victim.name}; timing ${orphans.length} of its prospects until they are served again…`);
  await victim.kill("SIGKILL");
  const killedAt = performance.now();
  const recovery = await Promise.all(orphans.map((prospect) => untilServed(cluster.url, prospect, killedAt)));
  return { latency, recovery, asker: asker.node };
});
await server.stop();

/** Asks for the prospect's copy every 100 ms, following redirects with its cookies, until a page of a copy answers 200. */
async function untilServed(base: string, prospect: Prospect, since: number): Promise<number> {
  let cookie = prospect.cookie;
  const deadline = since + 60_000;
  while (performance.now() < deadline) {
    let path = `/s/${prospect.sandboxId}`;
    for (let hop = 0; hop < 5; hop++) {
      const response = await fetch(`${base}${path}`, {
        redirect: "manual",
        headers: { cookie, "user-agent": userAgent },
        signal: AbortSignal.timeout(5_000),
      }).catch(() => undefined);
      if (!response) break;
      cookie = withCookies(cookie, response);
      await response.arrayBuffer();
      if (response.status === 200 && path.startsWith("/s/")) return performance.now() - since;
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) break;
      path = new URL(location, base).pathname + new URL(location, base).search;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Number.NaN;
}

const row = (label: string, result: LoadResult) =>
  `| ${label} | ${Math.round(result.eventsPerSecond).toLocaleString("en-US")} | ${result.p50} ms | ${result.p99} ms | ${result.non2xx + result.errors} |`;
console.log(`
## Cluster on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"} (npm run bench:cluster), ${new Date().toISOString().slice(0, 10)}

PostgreSQL, HAProxy, the app nodes and the load generator share the same ${os.cpus().length} cores.

| signals through HAProxy (${seconds} s, ${connections} prospects, ${eventsPerBatch}-event batches) | events/s | p50 | p99 | failed |
| --- | --- | --- | --- | --- |
${row(`1 node (${JSON.stringify(one.spread)})`, one)}
${row(`2 nodes (${JSON.stringify(two.spread)})`, two)}

- 2 nodes / 1 node: **${(two.eventsPerSecond / one.eventsPerSecond).toFixed(2)}×**.

| ${streamsTotal} open streams over 2 nodes; a prospect on ${fanOut.asker} posts ${rounds} messages | p50 | p99 | frames |
| --- | --- | --- | --- |
${[...fanOut.latency.samples]
  .map(([where, samples]) => `| ${where} | ${ms(percentile(samples, 50))} | ${ms(percentile(samples, 99))} | ${samples.length} |`)
  .join("\n")}

- Frames that never arrived within 10 s: ${fanOut.latency.missed}. Cross-node p99 target: ≤ 250 ms.
- A node killed (kill -9) → its prospects served again (a fresh copy with the note), ${fanOut.recovery.length} prospects: p50 ${ms(percentile(fanOut.recovery, 50))}, slowest ${ms(Math.max(...fanOut.recovery))} (target ≤ 5 s).
`);
process.exit(0);
