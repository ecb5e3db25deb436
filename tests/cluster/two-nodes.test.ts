// Openhouse as two nodes behind HAProxy on one PostgreSQL: prospects are spread over both and each sticks to the
// node that holds their sandbox; a request that reaches the other node is handed to the owner and never costs
// the sandbox; a node killed outright loses no acknowledged event, and its prospects get a fresh copy with a note,
// keeping their journey and their conversation.
import AxeBuilder from "@axe-core/playwright";
import { chromium } from "@playwright/test";
import postgres from "postgres";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath } from "../../lib/chromium-path";
import { type Cluster, type ClusterNode, startCluster } from "../../scripts/cluster/start-cluster";
import { rep } from "../e2e/team";
import { addMember } from "../e2e/worker-server";
import { sandboxIdIn, VisitorClient } from "./visitor-client";

const demo = "pipeline-basics";
/** HAProxy's port; the nodes take the ports from +10 (CLUSTER_PORT, default 3650: the cluster tests' block). */
const port = Number(process.env.CLUSTER_PORT || 3650);

let cluster: Cluster;
let sql: postgres.Sql;

beforeAll(async () => {
  cluster = await startCluster({
    nodes: 2,
    port,
    postgresServerUrl: process.env.TEST_POSTGRES_URL,
    // Every client here is 127.0.0.1: the per-client limits are not what these tests are about.
    env: {
      PROVISION_RATE_PER_MINUTE: "1000",
      SIGNALS_BATCHES_PER_MINUTE: "100000",
      CONVERSATIONS_PER_HOUR: "1000",
      MESSAGES_PER_HOUR: "1000",
    },
    log: (line) => {
      if (/error|fail|haproxy|cluster:/i.test(line)) console.log(line);
    },
  });
  sql = postgres(cluster.postgresUrl, { max: 2, onnotice: () => {} });
  // The team's first member, added as an admin would add one (the first member of a team is its admin).
  await addMember(rep, "admin", cluster.env);
});

afterAll(async () => {
  await sql?.end();
  await cluster?.stop();
});

type Prospect = { client: VisitorClient; sandboxId: string; node: string };

/** A new person clicks Try it through the load balancer: where they land, and which node answered. */
async function tryIt(): Promise<Prospect> {
  const client = new VisitorClient(cluster.url);
  const [tried, page] = await client.follow(cluster.url, `/try/${demo}`);
  const sandboxId = sandboxIdIn(tried?.headers.get("location") ?? "");
  expect(sandboxId, `Try it answered ${tried?.status}`).toBeDefined();
  expect(page?.status).toBe(200);
  const node = tried?.headers.get("x-openhouse-node") ?? "";
  // The page came from the node that made the copy: the balancer's cookie took the visitor back there.
  expect(page?.headers.get("x-openhouse-node")).toBe(node);
  expect(client.cookies.get("oh_node")).toBe(node);
  return { client, sandboxId: sandboxId ?? "", node };
}

function other(name: string): ClusterNode {
  const found = cluster.nodes.find((node) => node.name !== name);
  if (!found) throw new Error("a two-node cluster has another node");
  return found;
}

async function sandboxRow(id: string): Promise<{ status: string; node: string | null; visitor_id: string } | undefined> {
  const [row] = await sql<
    { status: string; node: string | null; visitor_id: string }[]
  >`select status, node, visitor_id from sandboxes where id = ${id}`;
  return row;
}

/** Polls `check` until it returns a value, failing with `what` after `ms`. */
async function until<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const event = (type: string) => ({ id: uuidv7(), type, at: Date.now(), demo });

describe("two nodes behind HAProxy", () => {
  it("spreads prospects over both nodes, records each copy's node, and a rep sees prospects of both", async () => {
    const prospects = await Promise.all(Array.from({ length: 6 }, () => tryIt()));
    expect(new Set(prospects.map((prospect) => prospect.node))).toEqual(new Set(cluster.nodes.map((node) => node.name)));
    for (const prospect of prospects) expect((await sandboxRow(prospect.sandboxId))?.node).toBe(prospect.node);

    for (const prospect of prospects) {
      const sent = await prospect.client.send(`${cluster.url}/api/signals`, {
        json: { sandbox: prospect.sandboxId, events: [event("demo.viewed"), event("tour.started"), event("tour.closed")] },
      });
      expect(sent.status).toBe(202);
    }

    const member = new VisitorClient(cluster.url);
    const signedIn = await member.send(`${cluster.url}/api/auth/sign-in/email`, { json: { email: rep.email, password: rep.password } });
    expect(signedIn.status).toBe(200);
    const visitorIds = await Promise.all(prospects.map(async (prospect) => (await sandboxRow(prospect.sandboxId))?.visitor_id));
    const seenOn = new Set<string>();
    // The hot list is folded from events between requests, on whichever node's turn it is: it catches up in seconds.
    await until("every prospect in the hot list", 60_000, async () => {
      const answer = await member.send(`${cluster.url}/api/sales/hot-list`);
      seenOn.add(answer.headers.get("x-openhouse-node") ?? "");
      const listed = new Set((JSON.parse(answer.body) as { entries: { id: string }[] }).entries.map((entry) => entry.id));
      return visitorIds.every((id) => id && listed.has(id)) ? true : undefined;
    });
  });

  it("hands a request that reaches the wrong node to the owner, and never loses that sandbox", async () => {
    const prospect = await tryIt();
    const wrong = other(prospect.node);
    const message = `Asked before going to the wrong node ${uuidv7()}`;
    const posted = await prospect.client.send(`${cluster.url}/api/conversation`, { json: { body: message, sandbox: prospect.sandboxId } });
    expect(posted.status).toBe(201);

    // Straight to the other node's port, with the visitor's cookies.
    const direct = await prospect.client.send(`${wrong.url}/s/${prospect.sandboxId}`);
    expect(direct.status).toBe(200);
    expect(direct.headers.get("x-openhouse-node")).toBe(prospect.node);
    expect(direct.headers.get("x-openhouse-forwarded-by")).toBe(wrong.name);

    // Through HAProxy with the other node's cookie: the balancer sends it there, the app hands it on.
    prospect.client.cookies.set("oh_node", wrong.name);
    const misrouted = await prospect.client.send(`${cluster.url}/s/${prospect.sandboxId}/deals/new`);
    expect(misrouted.status).toBe(200);
    expect(misrouted.headers.get("x-openhouse-node")).toBe(prospect.node);
    expect(misrouted.headers.get("x-openhouse-forwarded-by")).toBe(wrong.name);
    // …and the answer put the visitor back on the owner for what follows.
    expect(prospect.client.cookies.get("oh_node")).toBe(prospect.node);
    const after = await prospect.client.send(`${cluster.url}/s/${prospect.sandboxId}`);
    expect(after.headers.get("x-openhouse-node")).toBe(prospect.node);
    expect(after.headers.get("x-openhouse-forwarded-by")).toBeNull();

    // A request already handed on once that lands where the file is not (the nodes disagreeing for a moment) is
    // never handed on again, and never retires anything: it is told to retry.
    const looped = await fetch(`${wrong.url}/s/${prospect.sandboxId}`, {
      headers: { cookie: prospect.client.cookieHeader(), accept: "text/html", "x-openhouse-forwarded-by": prospect.node },
      redirect: "manual",
    });
    expect(looped.status).toBe(503);
    expect(looped.headers.get("retry-after")).toBe("2");
    expect(await looped.text()).toContain("try again in a few seconds");

    // Try it again on the wrong node resumes the same copy.
    const again = await prospect.client.send(`${wrong.url}/try/${demo}`);
    expect(sandboxIdIn(again.headers.get("location") ?? "")).toBe(prospect.sandboxId);

    expect(await sandboxRow(prospect.sandboxId)).toMatchObject({ status: "live", node: prospect.node });
    const thread = await prospect.client.send(`${wrong.url}/api/conversation`);
    expect(thread.body).toContain(message);
  });

  it("carries a Server Action through the wrong node into the owner's copy, and shows it to a rep looking over the shoulder", async () => {
    const browser = await chromium.launch({ executablePath: chromiumPath(process.env) });
    try {
      const context = await browser.newContext({ baseURL: cluster.url });
      const page = await context.newPage();
      const landed = await page.goto(`/try/${demo}`);
      const owner = landed?.headers()["x-openhouse-node"] ?? "";
      const sandboxId = sandboxIdIn(page.url()) ?? "";
      const wrong = other(owner).name;
      await page.getByTestId("tour-popover").getByRole("button", { name: "Close tour" }).click();
      await page.locator("[data-tour=new-deal-button]").click();
      const title = `Across nodes ${sandboxId.slice(0, 6)}`;
      await page.getByLabel("Deal name").fill(title);
      await page.getByLabel("Company").selectOption({ label: "Initech" });
      await page.getByLabel("Amount (USD)").fill("4321");
      // The balancer now sends this visitor to the other node: the Server Action's POST must be handed on.
      await context.addCookies([{ name: "oh_node", value: wrong, url: cluster.url }]);
      const action = page.waitForResponse(
        (response) => response.request().method() === "POST" && response.url().includes(`/s/${sandboxId}`),
      );
      await page.getByRole("button", { name: "Create deal" }).click();
      const answered = await action;
      expect(answered.headers()["x-openhouse-forwarded-by"]).toBe(wrong);
      expect(answered.headers()["x-openhouse-node"]).toBe(owner);
      await page.getByRole("heading", { level: 1, name: title }).waitFor({ timeout: 15_000 });
      expect(await sandboxRow(sandboxId)).toMatchObject({ status: "live", node: owner });

      // The page a person meets when the nodes disagree for a moment (a request handed on that lands where the
      // file is not): what happened, that nothing is lost, a way to try again; and nothing axe finds serious.
      const waiting = await context.newPage();
      await waiting.setExtraHTTPHeaders({ "x-openhouse-forwarded-by": owner });
      const unavailable = await waiting.goto(`${other(owner).url}/s/${sandboxId}`);
      expect(unavailable?.status()).toBe(503);
      await waiting.getByRole("heading", { level: 1, name: "One moment, please" }).waitFor();
      await waiting.getByText("Your work in the demo is kept.").waitFor();
      expect(await waiting.getByRole("link", { name: "Try again" }).getAttribute("href")).toBe(`/s/${sandboxId}`);
      const axe = await new AxeBuilder({ page: waiting }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      expect(axe.violations.map((violation) => violation.id)).toEqual([]);
      await waiting.close();

      const visitorId = decodeURIComponent((await context.cookies()).find((cookie) => cookie.name === "oh_visitor")?.value ?? "").split(
        ".",
      )[0];
      const team = await browser.newContext({ baseURL: cluster.url });
      const signedIn = await team.request.post("/api/auth/sign-in/email", {
        data: { email: rep.email, password: rep.password },
        headers: { origin: cluster.url },
      });
      expect(signedIn.status()).toBe(200);
      await team.addCookies([{ name: "oh_node", value: wrong, url: cluster.url }]);
      const shoulder = await team.newPage();
      const view = await shoulder.goto(`/sales/visitors/${visitorId}/sandbox`);
      expect(view?.headers()["x-openhouse-node"]).toBe(owner);
      await shoulder.getByText(title).first().waitFor({ timeout: 15_000 });
    } finally {
      await browser.close();
    }
  });

  it("loses no acknowledged event when a node is killed mid-stream, and its prospects keep their journey and conversation", async () => {
    const prospects = await Promise.all(Array.from({ length: 16 }, () => tryIt()));
    const victim = cluster.nodes[0] as ClusterNode;
    const survivor = other(victim.name);
    const lost = prospects.filter((prospect) => prospect.node === victim.name);
    const kept = prospects.filter((prospect) => prospect.node === survivor.name);
    expect(lost.length).toBeGreaterThan(0);
    expect(kept.length).toBeGreaterThan(0);
    for (const [index, prospect] of prospects.entries()) {
      const posted = await prospect.client.send(`${cluster.url}/api/conversation`, {
        json: { body: `Before the crash, #${index}`, sandbox: prospect.sandboxId },
      });
      expect(posted.status).toBe(201);
    }

    const acknowledged: string[] = [];
    const batchesEach = 12;
    let killedAt = 0;
    let reachedThird: () => void = () => {};
    const third = new Promise<void>((resolve) => {
      reachedThird = resolve;
    });
    /** Sends a batch until it is acknowledged (a browser's beacon retries the same ids), for at most 60 s. */
    async function deliver(prospect: Prospect, events: ReturnType<typeof event>[]): Promise<void> {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const answer = await prospect.client
          .send(`${cluster.url}/api/signals`, { json: { sandbox: prospect.sandboxId, events }, timeoutMs: 5000 })
          .catch(() => undefined);
        if (answer?.status === 202) break;
        if (answer && answer.status < 500) throw new Error(`signals answered ${answer.status}: ${answer.body}`);
        if (Date.now() > deadline) throw new Error("a batch was never acknowledged within 60 s");
        await new Promise((resolve) => setTimeout(resolve, 100)); // a client's back-off before its retry
      }
      acknowledged.push(...events.map((sent) => sent.id));
      // A third of all the events in: the kill lands mid-stream, whatever the machine's speed.
      if (acknowledged.length >= prospects.length * batchesEach) reachedThird();
    }
    const senders = prospects.map(async (prospect) => {
      for (let batch = 0; batch < batchesEach; batch++)
        await deliver(prospect, [event("step.viewed"), event("step.viewed"), event("step.completed")]);
    });
    const killing = third.then(async () => {
      killedAt = Date.now();
      await victim.kill("SIGKILL");
    });
    await Promise.all([...senders, killing]);

    const stored = await sql<
      { id: string; copies: number }[]
    >`select id, count(*)::int as copies from events where id = any(${acknowledged}) group by id`;
    expect(stored.length).toBe(acknowledged.length);
    expect(stored.every((row) => row.copies === 1)).toBe(true);

    // The survivor kept serving its prospects, straight through HAProxy.
    for (const prospect of kept) {
      const page = await prospect.client.send(`${cluster.url}/s/${prospect.sandboxId}`);
      expect(page.status).toBe(200);
      expect(page.headers.get("x-openhouse-node")).toBe(survivor.name);
    }

    // The victim's prospects: a fresh copy on the survivor, with the note, as soon as the victim is known dead.
    for (const prospect of lost) {
      const visitor = (await sandboxRow(prospect.sandboxId))?.visitor_id;
      const statuses = new Set<number>();
      const landed = await until("a fresh copy for a prospect of the killed node", 30_000, async () => {
        const hops = await prospect.client.follow(cluster.url, `/s/${prospect.sandboxId}`);
        for (const hop of hops) statuses.add(hop.status);
        const last = hops.at(-1);
        return last?.status === 200 && hops.length > 1 ? hops : undefined;
      });
      // Until the victim counted as dead, the copy was only unavailable (503, retry), never an error or a 404.
      expect(
        [...statuses].every((status) => [200, 303, 307, 503].includes(status)),
        [...statuses].join(", "),
      ).toBe(true);
      if (prospect === lost[0])
        console.log(`cluster: a prospect of the killed node was served again ${Date.now() - killedAt} ms after the kill`);
      const fresh = sandboxIdIn(landed.at(-1)?.url ?? "");
      expect(fresh).toBeDefined();
      expect(fresh).not.toBe(prospect.sandboxId);
      expect(landed.at(-1)?.headers.get("x-openhouse-node")).toBe(survivor.name);
      expect(landed.map((hop) => hop.url).join(" ")).toContain("renewed=node-lost");
      expect(landed.at(-1)?.body).toContain("went offline");
      expect(await sandboxRow(prospect.sandboxId)).toMatchObject({ status: "gone" });
      expect((await sandboxRow(fresh ?? ""))?.visitor_id).toBe(visitor);
      // Their journey: every batch they sent in the old copy is still theirs.
      const journey = await sql<
        { n: number }[]
      >`select count(*)::int as n from events where visitor_id = ${visitor ?? ""} and sandbox_id = ${prospect.sandboxId}`;
      expect(journey[0]?.n).toBeGreaterThanOrEqual(batchesEach * 3);
      const thread = await prospect.client.send(`${cluster.url}/api/conversation`);
      expect(thread.status).toBe(200);
      expect(thread.body).toContain(`Before the crash, #${prospects.indexOf(prospect)}`);
    }
  });
});

describe("a node restarted under its name", () => {
  it("keeps its visitors' copies through the restart, and serves them again after", async () => {
    const node = cluster.nodes[0] as ClusterNode;
    // The test before killed it; either way it starts afresh here, same name, port and data directory.
    await node.restart();
    const prospect = await until(`a prospect on ${node.name}`, 60_000, async () => {
      const candidate = await tryIt();
      return candidate.node === node.name ? candidate : undefined;
    });
    await node.kill("SIGTERM");
    // Stopped on purpose, it said it would be back (NODE_RESTART_GRACE_MS, 30 s), well past NODE_DEAD_AFTER_MS (3 s).
    const [row] = await sql<{ last_seen_at: string }[]>`select last_seen_at from nodes where name = ${node.name}`;
    expect(Number(row?.last_seen_at)).toBeGreaterThan(Date.now() + 10_000);
    // Meanwhile its visitor is asked to retry, and their copy stays theirs.
    const during = await prospect.client.send(`${cluster.url}/s/${prospect.sandboxId}`);
    expect(during.status).toBe(503);
    expect(during.headers.get("retry-after")).toBe("2");
    expect(await sandboxRow(prospect.sandboxId)).toMatchObject({ status: "live", node: node.name });
    await node.restart();
    const hops = await until(`${node.name} serving again`, 30_000, async () => {
      const answer = await prospect.client.follow(cluster.url, `/s/${prospect.sandboxId}`);
      return answer.at(-1)?.status === 200 ? answer : undefined;
    });
    expect(hops).toHaveLength(1);
    expect(hops[0]?.headers.get("x-openhouse-node")).toBe(node.name);
    expect(await sandboxRow(prospect.sandboxId)).toMatchObject({ status: "live", node: node.name });
  });
});
