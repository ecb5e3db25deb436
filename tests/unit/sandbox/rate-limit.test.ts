import { describe, expect, it } from "vitest";
import { clientKey, createProvisionLimiter } from "@/lib/sandbox/rate-limit";

describe("provisioning rate limit", () => {
  it("lets a client create its per-minute allowance, then refuses until tokens refill", () => {
    const limiter = createProvisionLimiter(3);
    const start = 1_000_000;
    expect([1, 2, 3, 4].map(() => limiter.tryTake("192.0.2.1", start))).toEqual([true, true, true, false]);
    expect(limiter.retryAfterSeconds("192.0.2.1", start)).toBe(20);
    expect(limiter.tryTake("192.0.2.1", start + 19_000)).toBe(false);
    expect(limiter.tryTake("192.0.2.1", start + 20_000)).toBe(true);
    expect(limiter.tryTake("192.0.2.1", start + 20_001)).toBe(false);
  });

  it("limits each client on its own", () => {
    const limiter = createProvisionLimiter(1);
    expect(limiter.tryTake("192.0.2.1", 0)).toBe(true);
    expect(limiter.tryTake("192.0.2.1", 0)).toBe(false);
    expect(limiter.tryTake("192.0.2.2", 0)).toBe(true);
  });

  it("keeps a bounded number of clients, forgetting the least recent", () => {
    const limiter = createProvisionLimiter(1, 2);
    expect(limiter.tryTake("a", 0)).toBe(true);
    limiter.tryTake("b", 0);
    limiter.tryTake("c", 0); // pushes "a" out: it starts again with a full bucket
    expect(limiter.tryTake("a", 0)).toBe(true);
  });

  it("keys clients by a salted hash, never the address itself", () => {
    const key = clientKey("203.0.113.7");
    expect(key).not.toContain("203");
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(clientKey("203.0.113.7")).toBe(key);
    expect(clientKey("203.0.113.8")).not.toBe(key);
  });
});
