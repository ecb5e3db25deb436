// Per-client token buckets (sandbox provisioning, signal batches), keyed by a salted hash of the client
// address so no raw IP is kept, even in memory. In-memory and per process: a deployment with several
// instances needs a shared store (e.g. Redis) for a limit to hold across them.
import "server-only";
import crypto from "node:crypto";
import { LRUCache } from "lru-cache";

type Bucket = { tokens: number; updatedAt: number };

/**
 * One client's network: an IPv4 address, or an IPv6 /64 — a single IPv6 host commonly holds a whole /64,
 * so limiting addresses one by one would let it rotate forever.
 */
export function addressGroup(address: string): string {
  if (!address.includes(":")) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** A client's key under a salt; each limiter draws its own, so the keys cannot be joined with anything else. */
export function clientKey(address: string, salt: Uint8Array): string {
  return crypto.createHmac("sha256", salt).update(addressGroup(address)).digest("base64url").slice(0, 22);
}

export type RateLimiter = {
  /** Takes one token for this client; false when the bucket is empty. */
  tryTake(address: string, nowMs?: number): boolean;
  /** Seconds until the client has a token again. */
  retryAfterSeconds(address: string, nowMs?: number): number;
};

/**
 * A token bucket per client: `perMinute` tokens per `windowMs` (a minute unless given), refilled
 * continuously; bounded to `maxClients` entries.
 */
export function createRateLimiter(perMinute: number, maxClients = 50_000, windowMs = 60_000): RateLimiter {
  // A bucket untouched for a whole window is full again, so dropping it (TTL) loses nothing.
  const buckets = new LRUCache<string, Bucket>({ max: maxClients, ttl: windowMs });
  // Random per limiter: the hashes cannot be joined with anything else, nor with another run.
  const salt = crypto.randomBytes(16);
  const refillPerMs = perMinute / windowMs;

  function current(key: string, nowMs: number): Bucket {
    const bucket = buckets.get(key) ?? { tokens: perMinute, updatedAt: nowMs };
    const tokens = Math.min(perMinute, bucket.tokens + (nowMs - bucket.updatedAt) * refillPerMs);
    return { tokens, updatedAt: nowMs };
  }

  return {
    tryTake(address, nowMs = Date.now()) {
      const key = clientKey(address, salt);
      const bucket = current(key, nowMs);
      if (bucket.tokens < 1) {
        buckets.set(key, bucket);
        return false;
      }
      buckets.set(key, { tokens: bucket.tokens - 1, updatedAt: nowMs });
      return true;
    },
    retryAfterSeconds(address, nowMs = Date.now()) {
      const bucket = current(clientKey(address, salt), nowMs);
      return bucket.tokens >= 1 || refillPerMs === 0 ? 0 : Math.ceil((1 - bucket.tokens) / refillPerMs / 1000);
    },
  };
}
