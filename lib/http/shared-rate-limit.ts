// Limits that hold across app nodes: provisioning, new conversations and messages. On PostgreSQL each is a token
// bucket per client in the control plane (db/queries/rate-limits.ts), keyed by the limit's name and a pseudonym
// of the client's network made with a salt derived from the server secret — the same on every node, so a client
// is one key cluster-wide, and no raw address is stored. On SQLite (one node) they stay in memory
// (./rate-limit.ts), as before. Signals keep the per-node limiter: it is on ingest's hot path (README, "Running as a cluster").
import "server-only";
import { clusterLink } from "@/db/control-plane";
import { deleteRateBucketsBefore, rateBucket, takeRateToken } from "@/db/queries/rate-limits";
import { repeatEvery, type StopRepeating } from "@/lib/runtime/repeat";
import { everyNode, type JobGate } from "@/lib/runtime/singletons";
import { derivedSalt } from "@/lib/server-secret";
import { clientKey, createRateLimiter, type RateLimiter } from "./rate-limit";

export type SharedRateLimiter = {
  /** Takes one token for this client (an address, or a visitor id); false when the bucket is empty. */
  tryTake(client: string, nowMs?: number): Promise<boolean>;
  /** Seconds until the client has a token again. */
  retryAfterSeconds(client: string, nowMs?: number): Promise<number>;
};

/** The longest window of any shared limit: a bucket untouched this long is full again. */
const longestWindowMs = 60 * 60_000;

/** `perWindow` tokens per `windowMs`, refilled continuously, for each client; `name` keeps limits apart. */
export function createSharedRateLimiter(name: string, perWindow: number, windowMs: number, maxClients = 50_000): SharedRateLimiter {
  let inMemory: RateLimiter | undefined;
  const local = () => {
    inMemory ??= createRateLimiter(perWindow, maxClients, windowMs);
    return inMemory;
  };
  let salt: Buffer | undefined;
  const keyOf = (client: string) => {
    salt ??= derivedSalt(`rate limit ${name}`);
    return `${name}:${clientKey(client, salt)}`;
  };
  const shape = { capacity: perWindow, refillPerMs: perWindow / windowMs };
  return {
    async tryTake(client, nowMs = Date.now()) {
      if (!clusterLink()) return local().tryTake(client, nowMs);
      if (perWindow < 1) return false;
      return takeRateToken(keyOf(client), shape, nowMs);
    },
    async retryAfterSeconds(client, nowMs = Date.now()) {
      if (!clusterLink()) return local().retryAfterSeconds(client, nowMs);
      const bucket = await rateBucket(keyOf(client));
      if (!bucket || shape.refillPerMs === 0) return 0;
      const tokens = Math.min(shape.capacity, bucket.tokens + (nowMs - bucket.updatedAt) * shape.refillPerMs);
      return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / shape.refillPerMs / 1000);
    },
  };
}

/** Prunes full buckets hourly, on one node (a singleton); nothing to do on SQLite. Returns its stop. */
export function startRateLimitPruning(gate: JobGate = everyNode): StopRepeating {
  if (!clusterLink()) return async () => {};
  return repeatEvery(longestWindowMs, "pruning rate-limit buckets", () => deleteRateBucketsBefore(Date.now() - longestWindowMs), {
    onlyWhen: gate,
  });
}
