// Two app nodes on one PostgreSQL keep one machine's promises: live news reaches streams on the other node (and
// survives the listener's connection being killed), a limit counts across nodes, a sign-out on one node ends the
// session on the other, a singleton job moves when its node dies, and the webhook outbox sends each alert once
// with two nodes delivering, a node's death mid-delivery costing a repeat with the same delivery id, never a loss.
import http from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cluster, type ClusterNode, startCluster } from "../../scripts/cluster/start-cluster";
import { admin, rep } from "../e2e/team";
import { addMember } from "../e2e/worker-server";
import { eventually, type Frame, openStream, post, signIn, tryDemo } from "./cluster-client";

const provisionPerMinute = 3;
let cluster: Cluster;
let db: postgres.Sql;
let nodeA: ClusterNode;
let nodeB: ClusterNode;

beforeAll(async () => {
  cluster = await startCluster({
    nodes: 2,
    port: Number(process.env.CLUSTER_PORT || 3700),
    nodePort: Number(process.env.CLUSTER_NODE_PORT || 3710),
    postgresServerUrl: process.env.TEST_POSTGRES_URL,
    env: {
      NODE_ENV: "production",
      PROVISION_RATE_PER_MINUTE: String(provisionPerMinute),
      WEBHOOKS_ALLOW_PRIVATE: "1",
      SIGN_IN_ATTEMPTS: "20",
    },
    log: (line) => {
      if (/error|failed/i.test(line)) console.error(line);
    },
  });
  [nodeA, nodeB] = cluster.nodes as [ClusterNode, ClusterNode];
  db = postgres(cluster.postgresUrl, { max: 2, onnotice: () => {} });
  await addMember(admin, "admin", cluster.env);
  await addMember(rep, "rep", cluster.env);
});

afterAll(async () => {
  await db?.end({ timeout: 5 });
  await cluster?.stop();
});

const messages = (frames: Frame[]) =>
  frames.filter((frame) => frame.event === "conversation.message").map((frame) => (frame.data as { body: string }).body);

describe("live across nodes", () => {
  it("brings a message posted on node A to a rep's stream on node B, through a killed LISTEN connection, each once", async () => {
    const prospect = "10.0.1.1";
    const visitor = await tryDemo(nodeA, prospect);
    expect(visitor.status).toBe(303);
    const repCookie = await signIn(nodeB, rep, "10.0.1.2");
    const stream = await openStream(nodeB, "/api/live/team", repCookie, "10.0.1.2");
    try {
      expect((await post(nodeA, "/api/conversation", visitor.cookie, prospect, { body: "m1" })).status).toBe(201);
      const first = await stream.waitFor((frame) => messages([frame]).includes("m1"), "m1 from node A");
      const conversationId = (first.data as { conversationId: string }).conversationId;

      // Typing is never stored: it travels in the NOTIFY itself.
      expect((await post(nodeA, "/api/conversation/typing", visitor.cookie, prospect, {})).status).toBe(200);
      await stream.waitFor(
        (frame) => frame.event === "typing" && (frame.data as { conversationId?: string }).conversationId === conversationId,
        "typing from node A",
      );

      // Kill node B's LISTEN connection; what is committed meanwhile is read after postgres.js reconnects.
      const listener = "openhouse-live-listener node-b";
      const [before] = await db<{ pid: number }[]>`select pid from pg_stat_activity where application_name = ${listener}`;
      expect(before, "node B's listener connection").toBeDefined();
      await db`select pg_terminate_backend(${before?.pid ?? 0})`;
      for (const body of ["m2", "m3", "m4"])
        expect((await post(nodeA, "/api/conversation", visitor.cookie, prospect, { body })).status).toBe(201);
      await stream.waitFor((frame) => messages([frame]).includes("m4"), "m4, sent while the listener was down", 15_000);
      await eventually(
        async () =>
          (await db`select 1 from pg_stat_activity where application_name = ${listener} and pid <> ${before?.pid ?? 0}`).length ||
          undefined,
        "node B listening again on a new connection",
      );
      expect((await post(nodeA, "/api/conversation", visitor.cookie, prospect, { body: "m5" })).status).toBe(201);
      await stream.waitFor((frame) => messages([frame]).includes("m5"), "m5, after the reconnect");
      expect(messages(stream.frames)).toEqual(["m1", "m2", "m3", "m4", "m5"]);

      // Commit to frame across nodes, as a prospect and a rep see it: from the POST on node A to the frame on B.
      const latencies: number[] = [];
      for (let n = 0; n < 20; n++) {
        const started = performance.now();
        expect((await post(nodeA, "/api/conversation", visitor.cookie, prospect, { body: `timed ${n}` })).status).toBe(201);
        await stream.waitFor((frame) => messages([frame]).includes(`timed ${n}`), `timed ${n}`);
        latencies.push(performance.now() - started);
      }
      latencies.sort((a, b) => a - b);
      console.log(
        `POST on node A to frame on node B: p50 ${latencies[10]?.toFixed(0)} ms, max ${latencies[19]?.toFixed(0)} ms (20 messages)`,
      );

      // A reconnect that lands on node A resumes from the id node B gave: the rest, once, then what follows.
      const m2 = stream.frames.find((frame) => messages([frame]).includes("m2"));
      expect(m2?.id).toBeGreaterThan(0);
      const repOnA = await signIn(nodeA, rep, "10.0.1.2");
      const resumed = await openStream(nodeA, "/api/live/team", repOnA, "10.0.1.2", m2?.id);
      try {
        await resumed.waitFor((frame) => messages([frame]).includes("m5"), "the replay on node A");
        // Posted through node B this time: both streams hear it, once.
        expect((await post(nodeB, "/api/conversation", visitor.cookie, prospect, { body: "m6" })).status).toBe(201);
        await resumed.waitFor((frame) => messages([frame]).includes("m6"), "m6 on node A");
        await stream.waitFor((frame) => messages([frame]).includes("m6"), "m6 on node B");
        const timed = Array.from({ length: 20 }, (_, n) => `timed ${n}`);
        expect(messages(resumed.frames)).toEqual(["m3", "m4", "m5", ...timed, "m6"]);
        expect(messages(stream.frames)).toEqual(["m1", "m2", "m3", "m4", "m5", ...timed, "m6"]);
      } finally {
        resumed.close();
      }
    } finally {
      stream.close();
    }
  });

  it("tells a rep on the node without the signal watch which visitors are active (ephemeral, over the bus)", async () => {
    const watcher = await eventually(() => holderOf(singletonKeys.signalWatch), "a node holding the signal watch");
    const [watching, other] = watcher === nodeA.name ? [nodeA, nodeB] : [nodeB, nodeA];
    const prospect = "10.0.1.3";
    const visitor = await tryDemo(watching, prospect);
    const repCookie = await signIn(other, rep, "10.0.1.4");
    const stream = await openStream(other, "/api/live/team", repCookie, "10.0.1.4");
    try {
      const batch = { events: [{ id: uuidv7(), type: "demo.viewed", at: Date.now(), demo: "pipeline-basics" }] };
      expect((await post(watching, "/api/signals", visitor.cookie, prospect, batch)).status).toBe(202);
      const activity = await stream.waitFor((frame) => frame.event === "activity", `activity from ${watching.name}'s signal watch`);
      expect((activity.data as { visitors: string[] }).visitors.length).toBeGreaterThan(0);
    } finally {
      stream.close();
    }
  });
});

describe("limits across nodes", () => {
  it(`refuses the ${provisionPerMinute + 1}th Try it on node B after ${provisionPerMinute} on node A`, async () => {
    const client = "10.0.2.1";
    for (let tried = 0; tried < provisionPerMinute; tried++) expect((await tryDemo(nodeA, client)).status).toBe(303);
    expect((await tryDemo(nodeB, client)).status).toBe(429);
    // Another client on node B is not affected.
    expect((await tryDemo(nodeB, "10.0.2.2")).status).toBe(303);
  });

  it("ends on node A, at once, a session signed out on node B", async () => {
    const client = "10.0.3.1";
    const cookie = await signIn(nodeA, admin, client);
    const hotList = (node: ClusterNode) =>
      fetch(`${node.url}/api/sales/hot-list`, { headers: { cookie, "x-forwarded-for": client }, signal: AbortSignal.timeout(15_000) });
    expect((await hotList(nodeA)).status).toBe(200);
    expect((await hotList(nodeB)).status).toBe(200);
    expect((await post(nodeB, "/api/auth/sign-out", cookie, client, {})).status).toBe(200);
    expect((await hotList(nodeA)).status).toBe(401);
  });
});

/** The singletons' advisory lock keys (db/dialects/postgres/locks.ts). */
const singletonKeys = { insightsFold: 7_104_101, signalWatch: 7_104_105 };

/** Which node's singleton connection holds a job's lock now (undefined: none). */
async function holderOf(lockKey: number): Promise<string | undefined> {
  const [row] = await db<{ name: string }[]>`
    select a.application_name as name from pg_locks l join pg_stat_activity a on a.pid = l.pid
    where l.locktype = 'advisory' and l.granted and l.objid = ${lockKey} and l.classid = 0`;
  return row?.name.replace("openhouse-singletons ", "");
}

describe("work done once", () => {
  it("moves a singleton job to the other node within a few seconds of its holder's death", async () => {
    const fold = singletonKeys.insightsFold;
    const holder = await eventually(() => holderOf(fold), "a node holding the insights fold");
    const dying = holder === nodeA.name ? nodeA : nodeB;
    const survivor = dying === nodeA ? nodeB : nodeA;
    const killedAt = Date.now();
    await dying.kill("SIGKILL");
    await eventually(
      async () => ((await holderOf(fold)) === survivor.name ? true : undefined),
      `${survivor.name} taking the fold over`,
      5_000,
    );
    console.log(`singleton moved ${Date.now() - killedAt} ms after kill -9`);
    // Every singleton job moved, not only the fold.
    const all = await db<{ count: number }[]>`
      select count(*)::int as count from pg_locks l join pg_stat_activity a on a.pid = l.pid
      where l.locktype = 'advisory' and l.granted and l.objid between 7104101 and 7104106 and a.application_name = ${`openhouse-singletons ${survivor.name}`}`;
    expect(all[0]?.count).toBe(6);
    await dying.restart();
  });

  it("delivers 1,000 alerts with two nodes, each once; a node killed mid-delivery costs a repeat with the same id, no loss", async () => {
    let stalling = false;
    const received: { id: string; bodyId: number }[] = [];
    const stalled: http.ServerResponse[] = [];
    const receiver = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        received.push({ id: String(request.headers["openhouse-delivery"]), bodyId: (JSON.parse(body) as { id: number }).id });
        if (stalling) stalled.push(response);
        else response.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    try {
      await db`insert into webhooks (id, url, format, events, secret) values ('hook-cluster', ${url}, 'json', ${db.json(["handraise"])}, 'cluster-secret')`;
      const enqueue = (count: number) =>
        db<{ id: number }[]>`
          insert into webhook_outbox (webhook_id, kind, payload, next_attempt_at)
          select 'hook-cluster', 'handraise', ${db.json({ text: "alert" })}, (extract(epoch from clock_timestamp()) * 1000)::bigint
          from generate_series(1, ${count}) returning id`;
      const delivered = async (ids: number[]) =>
        (
          await db<{ count: number }[]>`select count(*)::int as count from webhook_outbox where id = any(${ids}) and status = 'delivered'`
        )[0]?.count;

      const thousand = (await enqueue(1_000)).map((row) => row.id);
      await eventually(async () => ((await delivered(thousand)) === 1_000 ? true : undefined), "1,000 alerts delivered", 90_000, 250);
      const counts = new Map<string, number>();
      for (const delivery of received) {
        expect(delivery.id).toBe(String(delivery.bodyId));
        counts.set(delivery.id, (counts.get(delivery.id) ?? 0) + 1);
      }
      expect(counts.size).toBe(1_000);
      expect([...counts.values()].every((count) => count === 1)).toBe(true);

      // Now the receiver takes requests and answers none; node A dies holding its claims.
      received.length = 0;
      stalling = true;
      const batch = (await enqueue(30)).map((row) => row.id);
      await eventually(async () => (received.length >= 10 ? true : undefined), "deliveries in flight", 10_000);
      await nodeA.kill("SIGKILL");
      stalling = false;
      for (const response of stalled.splice(0)) response.destroy();
      // Node B sends node A's rows once their lease (3 × the 5 s delivery timeout) has passed.
      await eventually(
        async () => ((await delivered(batch)) === batch.length ? true : undefined),
        "every alert delivered after the kill",
        60_000,
        250,
      );
      const seen = new Map<string, number>();
      for (const delivery of received) {
        expect(delivery.id).toBe(String(delivery.bodyId));
        seen.set(delivery.id, (seen.get(delivery.id) ?? 0) + 1);
      }
      expect(new Set(seen.keys())).toEqual(new Set(batch.map(String)));
      // The ones in flight when node A died arrived again, under the same delivery id.
      expect([...seen.values()].some((count) => count > 1)).toBe(true);
    } finally {
      receiver.closeAllConnections();
      receiver.close();
    }
  });
});
