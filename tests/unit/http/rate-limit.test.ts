import { describe, expect, it } from "vitest";
import { addressGroup, clientKey, createRateLimiter } from "@/lib/http/rate-limit";

describe("provisioning rate limit", () => {
  it("lets a client create its per-minute allowance, then refuses until tokens refill", () => {
    const limiter = createRateLimiter(3);
    const start = 1_000_000;
    expect([1, 2, 3, 4].map(() => limiter.tryTake("192.0.2.1", start))).toEqual([true, true, true, false]);
    expect(limiter.retryAfterSeconds("192.0.2.1", start)).toBe(20);
    expect(limiter.tryTake("192.0.2.1", start + 19_000)).toBe(false);
    expect(limiter.tryTake("192.0.2.1", start + 20_000)).toBe(true);
    expect(limiter.tryTake("192.0.2.1", start + 20_001)).toBe(false);
  });

  it("limits each client on its own", () => {
    const limiter = createRateLimiter(1);
    expect(limiter.tryTake("192.0.2.1", 0)).toBe(true);
    expect(limiter.tryTake("192.0.2.1", 0)).toBe(false);
    expect(limiter.tryTake("192.0.2.2", 0)).toBe(true);
  });

  it("keeps a bounded number of clients, forgetting the least recent", () => {
    const limiter = createRateLimiter(1, 2);
    expect(limiter.tryTake("a", 0)).toBe(true);
    limiter.tryTake("b", 0);
    limiter.tryTake("c", 0); // pushes "a" out: it starts again with a full bucket
    expect(limiter.tryTake("a", 0)).toBe(true);
  });

  it("keys clients by a salted hash, never the address itself", () => {
    const salt = new Uint8Array(16).fill(7);
    const key = clientKey("203.0.113.7", salt);
    expect(key).not.toContain("203");
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(clientKey("203.0.113.7", salt)).toBe(key);
    expect(clientKey("203.0.113.8", salt)).not.toBe(key);
  });
});

describe("client address groups", () => {
  it("treats one IPv6 /64 as one client and keeps IPv4 addresses apart", () => {
    expect(addressGroup("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressGroup("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressGroup("2001:0db8:0001:0002::")).toBe("2001:db8:1:2::/64");
    expect(addressGroup("::1")).toBe("0:0:0:0::/64");
    const salt = new Uint8Array(16);
    expect(clientKey("2001:db8:1:2::5", salt)).toBe(clientKey("2001:db8:1:2:9::9", salt));
    expect(clientKey("2001:db8:1:3::5", salt)).not.toBe(clientKey("2001:db8:1:2::5", salt));
    expect(clientKey("192.0.2.1", salt)).not.toBe(clientKey("192.0.2.2", salt));
  });
});
