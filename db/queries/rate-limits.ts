// Token buckets kept in the control plane, so a limit holds across every app node on one PostgreSQL
// (lib/http/shared-rate-limit.ts). One statement per take: the row lock orders two nodes taking at once.
import "server-only";
import { eq, lt, sql } from "drizzle-orm";
import type { RateLimitBucket } from "@/db/control/schema";
import { store } from "@/db/control-plane";
import type { Store } from "@/db/store";

export type BucketShape = { capacity: number; refillPerMs: number };

/** Takes one token from `key`'s bucket (made full on first use); true when there was one. */
export async function takeRateToken(key: string, shape: BucketShape, nowMs: number, s: Store = store()): Promise<boolean> {
  const { rateLimitBuckets: buckets } = s.t;
  const asDouble = (value: number) => sql`cast(${value} as double precision)`;
  // The bucket as it stands now: what it had, refilled for the time since, never above its capacity.
  const refilled = s.sql.least(
    asDouble(shape.capacity),
    sql`${buckets.tokens} + (${asDouble(nowMs)} - ${buckets.updatedAt}) * ${asDouble(shape.refillPerMs)}`,
  );
  const taken = await s.all(
    s.db
      .insert(buckets)
      .values({ key, tokens: shape.capacity - 1, updatedAt: nowMs })
      // An empty bucket is left as it was (no row comes back): its refill still counts from its last take.
      .onConflictDoUpdate({ target: buckets.key, set: { tokens: sql`${refilled} - 1`, updatedAt: nowMs }, setWhere: sql`${refilled} >= 1` })
      .returning({ key: buckets.key }),
  );
  return taken.length === 1;
}

/** The bucket of `key` as stored (undefined: never used, or pruned when full). */
export async function rateBucket(key: string, s: Store = store()): Promise<RateLimitBucket | undefined> {
  const { rateLimitBuckets: buckets } = s.t;
  return s.one(s.db.select().from(buckets).where(eq(buckets.key, key)));
}

/** Forgets buckets untouched since `beforeMs`: refilled to full by now, they say nothing a new one would not. */
export function deleteRateBucketsBefore(beforeMs: number, s: Store = store()): Promise<number> {
  const { rateLimitBuckets: buckets } = s.t;
  return s.run(s.db.delete(buckets).where(lt(buckets.updatedAt, beforeMs)));
}
