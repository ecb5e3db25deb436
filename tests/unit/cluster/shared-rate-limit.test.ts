// Provisioning, conversation and message limits count in the control plane on PostgreSQL, so two app nodes
// (two stores on one database) draw from one bucket per client; on SQLite (one node) they count in memory, as
// before. Either way a bucket refills with time, and one client's use never touches another's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane, openControlStore } from "@/db/control-plane";
import { deleteRateBucketsBefore, takeRateToken } from "@/db/queries/rate-limits";
import type { ControlStore } from "@/db/store";
import { clientPseudonym } from "@/lib/http/client-ip";
import { createSharedRateLimiter } from "@/lib/http/shared-rate-limit";
import { installRuntime } from "@/lib/runtime/runtime";
import { derivedSalt } from "@/lib/server-secret";
import { s, t } from "../control-plane";

let other: ControlStore;

beforeAll(async () => {
  installRuntime({ secret: "a-server-secret-of-at-least-thirty-two-characters" });
  await migrateControlPlane();
  other = openControlStore();
});
afterAll(async () => {
  await other?.close();
});

describe("limits shared by app nodes", () => {
  it("counts one client's takes from two connections in one bucket, refilled with time", async () => {
    const shape = { capacity: 3, refillPerMs: 3 / 60_000 };
    const now = Date.now();
    const take = (on: typeof s | ControlStore, at = now) => takeRateToken("provision:client-1", shape, at, on);
    expect([await take(s), await take(other), await take(s)]).toEqual([true, true, true]);
    expect(await take(other)).toBe(false);
    expect(await take(s)).toBe(false);
    // A refused take spends nothing: 20 s later one token is back.
    expect(await take(other, now + 20_000)).toBe(true);
    expect(await take(s, now + 20_001)).toBe(false);
    // Another client has a bucket of its own.
    expect(await takeRateToken("provision:client-2", shape, now, other)).toBe(true);
  });

  it("takes exactly the capacity when many takes race from two connections", async () => {
    const shape = { capacity: 5, refillPerMs: 0 };
    const now = Date.now();
    const takes = await Promise.all(
      Array.from({ length: 20 }, (_, index) => takeRateToken("race:client", shape, now, index % 2 ? s : other)),
    );
    expect(takes.filter(Boolean)).toHaveLength(5);
  });

  it("keys a client alike on every node, by a salt from the server secret, and stores no address", async () => {
    const limiter = createSharedRateLimiter("conversations", 2, 60 * 60_000);
    const now = Date.now();
    expect(await limiter.tryTake("203.0.113.7", now)).toBe(true);
    expect(await limiter.tryTake("203.0.113.7", now)).toBe(true);
    expect(await limiter.tryTake("203.0.113.7", now)).toBe(false);
    // Half an hour until one of two tokens per hour is back (a second either way for float rounding).
    expect(Math.abs((await limiter.retryAfterSeconds("203.0.113.7", now)) - 1800)).toBeLessThanOrEqual(1);
    expect(await limiter.tryTake("203.0.113.8", now)).toBe(true);
    const stored = await s.all(s.db.select().from(t.rateLimitBuckets));
    if (s.dialect === "postgres") expect(stored.some((bucket) => bucket.key.startsWith("conversations:"))).toBe(true);
    else expect(stored.filter((bucket) => bucket.key.startsWith("conversations:"))).toEqual([]);
    expect(stored.some((bucket) => bucket.key.includes("203.0.113"))).toBe(false);
    // Two nodes share the secret, so the salt: the same bytes for the same purpose, others for another.
    expect(derivedSalt("rate limit conversations").equals(derivedSalt("rate limit conversations"))).toBe(true);
    expect(derivedSalt("rate limit conversations").equals(derivedSalt("client pseudonym"))).toBe(false);
  });

  it("prunes buckets untouched for a window", async () => {
    const now = Date.now();
    await takeRateToken("old:client", { capacity: 1, refillPerMs: 1 }, now - 2 * 60 * 60_000);
    expect(await deleteRateBucketsBefore(now - 60 * 60_000)).toBeGreaterThanOrEqual(1);
    const left = await s.all(s.db.select().from(t.rateLimitBuckets));
    expect(left.some((bucket) => bucket.key === "old:client")).toBe(false);
  });

  it("gives a client the same sign-in pseudonym on every node sharing the secret, another under another secret", async () => {
    const secret = "a-server-secret-of-at-least-thirty-two-characters";
    const onNode = (nodeSecret: string) => {
      installRuntime({ secret: nodeSecret });
      return clientPseudonym("198.51.100.23");
    };
    const first = onNode(secret);
    expect(first).toMatch(/^fd[0-9a-f]{2}:/);
    expect(first).not.toContain("198.51.100");
    expect(onNode(secret)).toBe(first);
    expect(onNode("another-server-secret-of-at-least-thirty-two-chars")).not.toBe(first);
    installRuntime({ secret });
  });
});
