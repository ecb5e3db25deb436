// Per-client limit on creating sandboxes (resuming is never limited), keyed by a salted hash of the
// client address so no raw IP is kept, even in memory. In-memory and per process: a deployment with
// several instances needs a shared store (e.g. Redis) for the limit to hold across them.
import crypto from "node:crypto";
import { LRUCache } from "lru-cache";
import { config } from "@/lib/config";

type Bucket = { tokens: number; updatedAt: number };

/** Random per process: the hashes cannot be joined with anything else, nor with another run. */
const salt = crypto.randomBytes(16);

export function clientKey(address: string): string {
  return crypto.createHmac("sha256", salt).update(address).digest("base64url").slice(0, 22);
}

export type ProvisionLimiter = {
  /** Takes one token for this client; false when the bucket is empty. */
  tryTake(address: string, nowMs?: number): boolean;
  /** Seconds until the client has a token again. */
  retryAfterSeconds(address: string, nowMs?: number): number;
};

/** A token bucket per client: `perMinute` tokens, refilled continuously; bounded to `maxClients` entries. */
export function createProvisionLimiter(perMinute: number, maxClients = 50_000): ProvisionLimiter {
  // A bucket untouched for a minute is full again, so dropping it (TTL) loses nothing.
  const buckets = new LRUCache<string, Bucket>({ max: maxClients, ttl: 60_000 });
  const refillPerMs = perMinute / 60_000;

  function current(key: string, nowMs: number): Bucket {
    const bucket = buckets.get(key) ?? { tokens: perMinute, updatedAt: nowMs };
    const tokens = Math.min(perMinute, bucket.tokens + (nowMs - bucket.updatedAt) * refillPerMs);
    return { tokens, updatedAt: nowMs };
  }

  return {
    tryTake(address, nowMs = Date.now()) {
      const key = clientKey(address);
      const bucket = current(key, nowMs);
      if (bucket.tokens < 1) {
        buckets.set(key, bucket);
        return false;
      }
      buckets.set(key, { tokens: bucket.tokens - 1, updatedAt: nowMs });
      return true;
    },
    retryAfterSeconds(address, nowMs = Date.now()) {
      const bucket = current(clientKey(address), nowMs);
      return bucket.tokens >= 1 || refillPerMs === 0 ? 0 : Math.ceil((1 - bucket.tokens) / refillPerMs / 1000);
    },
  };
}

let shared: ProvisionLimiter | undefined;

/** The process-wide limiter the /try route uses. */
export function provisionLimiter(): ProvisionLimiter {
  shared ??= createProvisionLimiter(config.provisionRatePerMinute);
  return shared;
}
