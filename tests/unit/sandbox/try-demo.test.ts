// "Try it" as the /try route runs it: tryDemo() with a real Request, real SQLite files, the runtime's limiter.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { registerDemos } from "@/lib/demos/registry";
import { clientIpHeaderName } from "@/lib/http/client-ip";
import { installRuntime } from "@/lib/runtime/runtime";
import { type TryDemoOutcome, tryDemo } from "@/lib/sandbox/try-demo";
import { verifyVisitorCookie } from "@/lib/visitors/visitor-cookie";
import { s, t } from "../control-plane";

const runtime = installRuntime({ provisionRatePerMinute: 2, sandboxSpares: 0 });
beforeAll(async () => {
  await migrateControlPlane();
  await registerDemos();
});
afterAll(() => runtime.close());

const chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

function visit(path: string, headers: Record<string, string> = {}): Promise<TryDemoOutcome> {
  const request = new Request(`http://localhost:3000${path}`, {
    headers: { "user-agent": chrome, [clientIpHeaderName]: "198.51.100.1", ...headers },
  });
  const slug = decodeURIComponent(new URL(request.url).pathname.split("/")[2] ?? "");
  return tryDemo(slug, request);
}

function opened(outcome: TryDemoOutcome) {
  if (outcome.kind !== "open") throw new Error(`expected a sandbox, got ${outcome.kind}`);
  return outcome;
}

describe("tryDemo", () => {
  it("gives a new browser its own sandbox and a signed cookie, and records where it came from", async () => {
    const first = opened(await visit("/try/pipeline-basics?utm_source=newsletter", { [clientIpHeaderName]: "198.51.100.10" }));
    expect(first.created).toBe(true);
    expect(first.location).toBe(`/s/${first.sandboxId}`);
    expect(first.cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false });
    const visitorId = verifyVisitorCookie(first.cookie.value) ?? "";
    const row = await s.one(s.db.select().from(t.visitors).where(eq(t.visitors.id, visitorId)));
    expect(row?.source).toEqual({ utm_source: "newsletter" });
    expect(row?.browser).toBe("Chrome");
  });

  it("gives a returning browser whose copy was on a node that stopped a fresh one, saying why", async () => {
    const first = opened(await visit("/try/pipeline-basics", { [clientIpHeaderName]: "198.51.100.35" }));
    const cookie = `${first.cookie.name}=${encodeURIComponent(first.cookie.value)}`;
    // The copy was made on a node whose heartbeat stopped long ago (its file is on that node's disk, not here).
    const dead = new Date(Date.now() - 60_000);
    await s.run(
      s.db.insert(t.nodes).values({ name: "node-gone", url: "http://127.0.0.1:9", instance: "x", startedAt: dead, lastSeenAt: dead }),
    );
    await s.run(s.db.update(t.sandboxes).set({ node: "node-gone" }).where(eq(t.sandboxes.id, first.sandboxId)));
    const again = opened(await visit("/try/pipeline-basics", { cookie, [clientIpHeaderName]: "198.51.100.35" }));
    expect(again.sandboxId).not.toBe(first.sandboxId);
    expect(again.location).toBe(`/s/${again.sandboxId}?renewed=node-lost`);
    const old = await s.one(s.db.select().from(t.sandboxes).where(eq(t.sandboxes.id, first.sandboxId)));
    expect(old).toMatchObject({ status: "gone", goneReason: "node-lost" });
  });

  it("resumes the same sandbox for a returning browser, never counting against its rate", async () => {
    const first = opened(await visit("/try/pipeline-basics", { [clientIpHeaderName]: "198.51.100.20" }));
    const cookie = `${first.cookie.name}=${encodeURIComponent(first.cookie.value)}`;
    for (let turn = 0; turn < 5; turn++) {
      const again = opened(await visit("/try/pipeline-basics", { cookie, [clientIpHeaderName]: "198.51.100.20" }));
      expect(again.sandboxId).toBe(first.sandboxId);
      expect(again.created).toBe(false);
    }
  });

  it("refuses a client that starts too many new demos, with when to retry", async () => {
    const address = { [clientIpHeaderName]: "198.51.100.30" };
    expect((await visit("/try/pipeline-basics", address)).kind).toBe("open");
    expect((await visit("/try/pipeline-basics", address)).kind).toBe("open");
    const refused = await visit("/try/pipeline-basics", address);
    expect(refused).toMatchObject({ kind: "rate-limited" });
    expect(refused.kind === "rate-limited" && refused.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("sends a link to a demo that does not exist to the gallery, naming it", async () => {
    expect(await visit("/try/no-such-demo")).toEqual({ kind: "no-such-demo", location: "/?missing=no-such-demo" });
  });

  it("keeps no arrival source for a browser that sends Global Privacy Control", async () => {
    const outcome = opened(await visit("/try/pipeline-basics?utm_source=ad", { "sec-gpc": "1", [clientIpHeaderName]: "198.51.100.40" }));
    const row = await s.one(
      s.db
        .select()
        .from(t.visitors)
        .where(eq(t.visitors.id, verifyVisitorCookie(outcome.cookie.value) ?? "")),
    );
    expect(row?.source).toBeNull();
    expect(row?.doNotTrack).toBe(true);
  });

  it("carries the renewal note and makes the cookie Secure behind https", async () => {
    const outcome = opened(
      await visit("/try/pipeline-basics?renewed=expired", { "x-forwarded-proto": "https", [clientIpHeaderName]: "198.51.100.50" }),
    );
    expect(outcome.location).toBe(`/s/${outcome.sandboxId}?renewed=expired`);
    expect(outcome.cookie.options.secure).toBe(true);
  });
});
