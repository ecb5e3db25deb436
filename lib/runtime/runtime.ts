// The one runtime of a server process: every stateful thing Openhouse keeps — connections, handle caches,
// spare pools, rate limiters, timers — lives here, once. Next evaluates a module once per bundle layer
// (instrumentation, route handlers, pages) and `npm start`'s front door loads lib/ through tsx besides, so a
// module-level cache would exist four times in one process (../shared/notes/next-module-instances.md). Modules
// therefore keep no state of their own: they reach it through runtime(), which lives on globalThis under a
// Symbol.for key, the one thing every copy shares.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import crypto from "node:crypto";
import type Database from "better-sqlite3";
import { LRUCache } from "lru-cache";
import type { ControlStore } from "@/db/store";
import { type Config, type DataPaths, dataPaths, loadConfig } from "@/lib/config";
import { createRateLimiter, type RateLimiter } from "@/lib/http/rate-limit";
import { createSharedRateLimiter, type SharedRateLimiter } from "@/lib/http/shared-rate-limit";
import { createFilesPrivately } from "./private-data";
import type { SharedKey, SharedState } from "./shared-state";

export type ActionContext = { started: boolean };

/** Stops something the runtime started; a promise when a run of it is still in flight. */
export type Cleanup = () => void | Promise<void>;

export type Runtime = {
  /** Random per runtime: two copies of a module that see the same id share one runtime. */
  readonly id: string;
  readonly config: Config;
  readonly paths: DataPaths;
  /** The control plane's store and connections (db/control-plane.ts opens it on first use). */
  control: { store?: ControlStore };
  /** Open sandbox connections, bounded: thousands of sandboxes never mean thousands of open files. */
  readonly sandboxHandles: LRUCache<string, Database.Database>;
  /** Warm spare copies per template file, and the templates being refilled right now. */
  readonly spares: { pools: Map<string, string[]>; refilling: Set<string> };
  /** Per template file its size, and per demo the day's template file (names only, never parsed fixtures). */
  readonly templates: { sizes: Map<string, number>; files: Map<string, { day: string; file: string }> };
  /** Shared ones count in PostgreSQL across app nodes (in memory on SQLite); signals' is per node (README, "Running as a cluster"). */
  readonly limiters: {
    provision: SharedRateLimiter;
    signals: RateLimiter;
    conversations: SharedRateLimiter;
    /** Messages per client address, and per visitor (keyed by their id): a new address with the same cookie counts on. */
    messages: SharedRateLimiter;
    visitorMessages: SharedRateLimiter;
  };
  /** Which Server Action requests have reached our code (lib/next-workarounds/action-decode-failures.ts). */
  readonly actionContexts: AsyncLocalStorage<ActionContext>;
  /** The server secret, once read or generated (lib/server-secret.ts). */
  secret?: string;
  /**
   * Something a module derives once per process (the auth instance, the signals committer, prepared
   * statements), made on first use by whichever copy of the module asks first.
   */
  shared<Key extends SharedKey>(key: Key, make: () => SharedState[Key]): SharedState[Key];
  /** A cleanup for close(): a timer, a worker. Returns a function that runs it early and forgets it. */
  onClose(cleanup: Cleanup): () => void;
  /**
   * Runs every cleanup and closes every connection; the next runtime() starts a new runtime. Resolves once the
   * control plane's connections are closed (PostgreSQL's end asynchronously).
   */
  close(): Promise<void>;
};

const idleHandleMs = 15 * 60_000;
const key = Symbol.for("openhouse.runtime");
type Holder = { [key]?: Runtime };
const holder = globalThis as Holder;

export function createRuntime(config: Config): Runtime {
  // Whatever this process writes to the data directory — the server, a CLI, a test — is its user's alone.
  createFilesPrivately();
  const sharedValues = new Map<SharedKey, unknown>();
  const cleanups = new Set<Cleanup>();
  const runtime: Runtime = {
    id: crypto.randomUUID(),
    config,
    paths: dataPaths(config.dataDir),
    control: {},
    sandboxHandles: new LRUCache<string, Database.Database>({
      max: Math.max(1, config.sandboxOpenHandles),
      ttl: idleHandleMs,
      updateAgeOnGet: true,
      // Autopurge timers are unref'd by lru-cache, so they never keep a CLI alive.
      ttlAutopurge: true,
      dispose: (sqlite) => sqlite.close(),
    }),
    spares: { pools: new Map(), refilling: new Set() },
    templates: { sizes: new Map(), files: new Map() },
    limiters: {
      provision: createSharedRateLimiter("provision", config.provisionRatePerMinute, 60_000),
      signals: createRateLimiter(config.signalsBatchesPerMinute),
      conversations: createSharedRateLimiter("conversations", config.conversationsPerHour, 60 * 60_000),
      messages: createSharedRateLimiter("messages", config.messagesPerHour, 60 * 60_000),
      visitorMessages: createSharedRateLimiter("visitor-messages", config.messagesPerHour, 60 * 60_000),
    },
    actionContexts: new AsyncLocalStorage<ActionContext>(),
    shared<Key extends SharedKey>(name: Key, make: () => SharedState[Key]): SharedState[Key] {
      if (!sharedValues.has(name)) sharedValues.set(name, make());
      return sharedValues.get(name) as SharedState[Key];
    },
    onClose(cleanup) {
      cleanups.add(cleanup);
      return () => {
        if (cleanups.delete(cleanup)) void cleanup();
      };
    },
    async close() {
      // Timers stop at once; a run in flight (a purge, a fold) finishes before its connections close under it.
      const running: Promise<void>[] = [];
      for (const cleanup of [...cleanups].reverse()) {
        try {
          const done = cleanup();
          if (done) running.push(done.catch((error: unknown) => console.error("openhouse: a cleanup failed while stopping", error)));
        } catch (error) {
          console.error("openhouse: a cleanup failed while stopping", error);
        }
      }
      cleanups.clear();
      await Promise.all(running);
      sharedValues.clear();
      runtime.sandboxHandles.clear();
      const store = runtime.control.store;
      runtime.control.store = undefined;
      if (holder[key] === runtime) delete holder[key];
      return store ? store.close() : Promise.resolve();
    },
  };
  return runtime;
}

/** This process's runtime; made from the environment on first use (a CLI, `next build`, a test). */
export function runtime(): Runtime {
  holder[key] ??= createRuntime(loadConfig());
  return holder[key];
}

/**
 * Replaces this process's runtime with one built from `overrides` over the environment's settings; the
 * previous one is closed first. Tests use it to run with other limits without touching process.env.
 */
export function installRuntime(overrides: Partial<Config> = {}): Runtime {
  holder[key]?.close().catch((error: unknown) => console.error("openhouse: closing the previous runtime failed", error));
  holder[key] = createRuntime({ ...loadConfig(), ...overrides });
  return holder[key];
}

/** True when this process has a runtime already (for diagnostics and tests). */
export function hasRuntime(): boolean {
  return holder[key] !== undefined;
}
