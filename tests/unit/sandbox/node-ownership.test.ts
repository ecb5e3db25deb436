// A sandbox belongs to the node whose disk holds its file. A node that does not have it never retires a copy
// another live node holds; a copy on a node that stopped beating is replaced with a note.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { clusterLink, migrateControlPlane } from "@/db/control-plane";
import { recordNodeBeat } from "@/db/queries/nodes";
import { heartbeatMs, startNodeHeartbeat } from "@/lib/cluster/heartbeat";
import { runtime } from "@/lib/runtime/runtime";
import { lookupOwnedSandbox } from "@/lib/sandbox/access";
import { removeSandboxFiles } from "@/lib/sandbox/files";
import { closeAllSandboxes, closeSandbox } from "@/lib/sandbox/handles";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { renewalPath, renewedMessage } from "@/lib/sandbox/renewal";
import { sandboxRow } from "@/lib/sandbox/retire";
import { s, t } from "../control-plane";
import { demoSlug, newVisitor } from "./helpers";

beforeAll(() => migrateControlPlane());
afterAll(async () => {
  closeAllSandboxes();
  await runtime().close();
});

/** Another node, as its own heartbeat would write it: `seenMsAgo` since its last beat. */
async function otherNode(name: string, seenMsAgo: number): Promise<void> {
  const now = Date.now();
  await recordNodeBeat({
    name,
    url: "http://127.0.0.1:9",
    instance: name,
    startedAt: new Date(now - 60_000),
    lastSeenAt: new Date(now - seenMsAgo),
  });
}

/** A sandbox of `visitor` whose file is on `node`'s disk, not this one's. */
async function sandboxOn(node: string, visitor: string): Promise<string> {
  const sandbox = await provisionSandbox(visitor, demoSlug);
  closeSandbox(sandbox.id);
  removeSandboxFiles(sandbox.id);
  await s.run(s.db.update(t.sandboxes).set({ node }).where(eq(t.sandboxes.id, sandbox.id)));
  return sandbox.id;
}

describe("sandboxes belong to a node", () => {
  it("records the node that made the copy, beats for it, and says it will be back when stopped on purpose", async () => {
    const sandbox = await provisionSandbox(await newVisitor(), demoSlug);
    expect(sandbox.node).toBe(runtime().config.nodeName);
    const thisNode = () => s.one(s.db.select().from(t.nodes).where(eq(t.nodes.name, runtime().config.nodeName)));
    const stop = await startNodeHeartbeat();
    try {
      const row = await thisNode();
      expect(row?.url).toBe(runtime().config.nodeUrl);
      expect(Date.now() - (row?.lastSeenAt.getTime() ?? 0)).toBeLessThan(runtime().config.nodeDeadAfterMs);
    } finally {
      await stop();
    }
    const stopped = await thisNode();
    expect(stopped?.lastSeenAt.getTime()).toBeGreaterThan(Date.now() + runtime().config.nodeRestartGraceMs - 5000);
  });

  it("beats every second where other nodes share the database, and only at start and stop on SQLite's one node", async () => {
    const thisNode = () => s.one(s.db.select().from(t.nodes).where(eq(t.nodes.name, runtime().config.nodeName)));
    const stop = await startNodeHeartbeat();
    try {
      const first = (await thisNode())?.lastSeenAt.getTime();
      if (clusterLink()) {
        await vi.waitFor(async () => expect((await thisNode())?.lastSeenAt.getTime()).toBeGreaterThan(first ?? 0), {
          timeout: heartbeatMs * 5,
          interval: 50,
        });
      } else {
        // Nothing to await on the one node: no beat is the point. Two and a half beats' time, then the same row.
        await new Promise((resolve) => setTimeout(resolve, heartbeatMs * 2.5));
        expect((await thisNode())?.lastSeenAt.getTime()).toBe(first);
      }
    } finally {
      await stop();
    }
  });

  it("never retires a copy a live node holds: it is elsewhere, and /try resumes it", async () => {
    await otherNode("node-live", 200);
    const visitor = await newVisitor();
    const id = await sandboxOn("node-live", visitor);
    const found = await lookupOwnedSandbox(id, visitor);
    expect(found?.state).toBe("elsewhere");
    expect(found?.state === "elsewhere" && found.node.name).toBe("node-live");
    expect((await sandboxRow(id))?.status).toBe("live");
    expect((await provisionSandbox(visitor, demoSlug)).id).toBe(id);
    expect((await sandboxRow(id))?.status).toBe("live");
  });

  it("replaces a copy whose node stopped beating, saying so, and keeps one on no recorded node as before", async () => {
    await otherNode("node-dead", runtime().config.nodeDeadAfterMs + 1000);
    const visitor = await newVisitor();
    const id = await sandboxOn("node-dead", visitor);
    expect(await lookupOwnedSandbox(id, visitor)).toEqual({ state: "gone", demoSlug, reason: "node-lost" });
    expect(await sandboxRow(id)).toMatchObject({ status: "gone", goneReason: "node-lost" });
    expect(renewalPath(demoSlug, "node-lost")).toBe(`/try/${demoSlug}?renewed=node-lost`);
    expect(renewedMessage("node-lost")).toMatch(/went offline.*fresh one/);

    // A node never seen is as dead as one that stopped: /try makes a fresh copy on this node.
    const other = await newVisitor();
    const unknown = await sandboxOn("node-never-seen", other);
    const fresh = await provisionSandbox(other, demoSlug);
    expect(fresh.id).not.toBe(unknown);
    expect(fresh.node).toBe(runtime().config.nodeName);
    expect(await sandboxRow(unknown)).toMatchObject({ status: "gone", goneReason: "node-lost" });

    // Rows from before nodes were recorded are this node's: a missing file is damage, as it always was.
    const legacyOwner = await newVisitor();
    const legacy = await sandboxOn("x", legacyOwner);
    await s.run(s.db.update(t.sandboxes).set({ node: null }).where(eq(t.sandboxes.id, legacy)));
    expect(await lookupOwnedSandbox(legacy, legacyOwner)).toEqual({ state: "gone", demoSlug, reason: "corrupt" });
  });
});
