// Advisory lock keys, one per thing that must happen one at a time across every app node on the database.
// Numbers, not names, because pg_advisory_lock takes a bigint; kept in one list so no two collide.
import type { SingletonJob } from "@/db/store";

export const advisoryLocks = {
  /** Migrations at start-up: two nodes starting together must not both apply the same one. */
  migrations: 7_104_001,
  /** Live events: their ids are handed out in commit order (db/store.ts, takeTurn). */
  liveEvents: 7_104_002,
  /** The insights fold: one chunk at a time reads past the watermark and moves it. */
  fold: 7_104_003,
  /** Joining a shared copy: its people are counted and one added at a time, so two joins cannot pass the cap. */
  sharedCopies: 7_104_004,
} as const;

/**
 * Singleton jobs (lib/runtime/singletons.ts): each held by one node's dedicated connection, session-level, so
 * PostgreSQL frees it the moment that connection or node dies and another node takes it on its next try.
 */
export const singletonLocks: Record<SingletonJob, number> = {
  insightsFold: 7_104_101,
  retention: 7_104_102,
  sandboxRows: 7_104_103,
  livePrune: 7_104_104,
  signalWatch: 7_104_105,
  rateLimitPrune: 7_104_106,
};
