// One runtime per process, whatever number of copies of the code are loaded: Next evaluates a module once per
// bundle layer and npm start's front door loads it once more. Each copy here is a fresh module graph.
import fs from "node:fs";
import postgres from "postgres";
import { afterAll, describe, expect, it, vi } from "vitest";

async function freshCopy() {
  vi.resetModules();
  const [runtimeModule, client, handles, start] = await Promise.all([
    import("@/lib/runtime/runtime"),
    import("@/db/control-plane"),
    import("@/lib/sandbox/handles"),
    import("@/lib/runtime/start"),
  ]);
  return { ...runtimeModule, ...client, ...handles, ...start };
}

function openFilesNamed(suffix: string): number {
  return fs
    .readdirSync("/proc/self/fd")
    .map((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return "";
      }
    })
    .filter((target) => target.endsWith(suffix)).length;
}

/**
 * The control plane's open connections: SQLite files held open by this process, or on PostgreSQL the server's
 * sessions on this test file's database opened by the app (its pool names itself "openhouse").
 */
async function controlConnections(): Promise<number> {
  if (!process.env.DATABASE_URL) return openFilesNamed("/control.sqlite");
  return sessionsNamed(["openhouse"]);
}

/** On PostgreSQL, the node's dedicated connections: the live listener and the singleton locks' holder. */
async function clusterConnections(): Promise<number> {
  return process.env.DATABASE_URL ? sessionsNamed(["openhouse-live-listener %", "openhouse-singletons %"]) : 0;
}

/** Sessions on this test file's database whose application_name is like one of `patterns`. */
async function sessionsNamed(patterns: string[]): Promise<number> {
  const probe = postgres(process.env.DATABASE_URL ?? "", {
    max: 1,
    onnotice: () => {},
    connection: { application_name: "one-runtime-probe" },
  });
  try {
    const [row] = await probe<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name like any(${patterns})`;
    return row?.n ?? 0;
  } finally {
    await probe.end();
  }
}

/**
 * One SQLite connection (and, in a serving process, the WAL checkpointer's on its own thread:
 * db/dialects/sqlite/checkpointer.ts); on PostgreSQL one pool, of at most its configured size.
 */
async function expectOneControlPlane(poolSize: number, options: { checkpointer?: boolean } = {}): Promise<void> {
  if (process.env.DATABASE_URL) expect(await controlConnections()).toBeLessThanOrEqual(poolSize);
  // The checkpointer's thread opens its connection a moment after the start: seconds, on a loaded machine.
  else await expect.poll(() => controlConnections(), { timeout: 20_000 }).toBe(options.checkpointer ? 2 : 1);
}

describe("the runtime", () => {
  let stop: (() => Promise<void>) | undefined;
  afterAll(() => stop?.());

  it("is one object shared by every copy of the modules, with one control connection", async () => {
    const first = await freshCopy();
    const started = await first.startOpenhouse({ maintenance: false });
    stop = started.stop;
    const second = await freshCopy();
    expect(second.runtime).not.toBe(first.runtime); // really another copy of the module
    expect(second.runtime().id).toBe(first.runtime().id);
    expect(second.store()).toBe(first.store());
    await expectOneControlPlane(started.runtime.config.databasePoolSize);
  });

  it("keeps one sandbox connection for a sandbox opened from two copies", async () => {
    const first = await freshCopy();
    const { provisionSandbox } = await import("@/lib/sandbox/provision");
    const { touchVisitor } = await import("@/lib/visitors/visitor-record");
    const { newId } = await import("@/lib/sandbox/ids");
    const visitor = newId();
    await touchVisitor(visitor);
    const sandbox = await provisionSandbox(visitor, "pipeline-basics");
    const second = await freshCopy();
    expect(second.openSandbox(sandbox.id).$client).toBe(first.openSandbox(sandbox.id).$client);
    expect(openFilesNamed(`/${sandbox.id}.sqlite`)).toBe(1);
    expect(second.openHandleCount()).toBe(first.openHandleCount());
  });

  it("stops everything it started: timers cleared, connections closed, the next runtime is a new one", async () => {
    const copy = await freshCopy();
    // The earlier tests' runtime, closed first: what is counted below is this start's alone.
    await stop?.();
    stop = undefined;
    await copy.runtime().close();
    // Only the intervals are faked: the upkeep's timers are intervals, and counting them needs fake ones.
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const started = await copy.startOpenhouse({ maintenance: true });
    const id = started.runtime.id;
    // One connection, once the upkeep's first runs (which may stream a long read on a reader of their own) end.
    await expect.poll(() => controlConnections(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expectOneControlPlane(started.runtime.config.databasePoolSize, { checkpointer: true });
    // stream heartbeats, presence, sandbox upkeep, retention purge, insights fold, live signal watch, webhook
    // outbox, live pruning (SQLite's WAL checkpoints keep their timer on the checkpointer's thread); on PostgreSQL
    // also the node's heartbeat (SQLite's one node writes it at start and stop only), the pruning of shared
    // rate-limit buckets, the singleton locks' refresh and the interval postgres.js keeps while a LISTEN is open
    expect(vi.getTimerCount()).toBe(process.env.DATABASE_URL ? 12 : 8);
    await started.stop();
    stop = undefined;
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
    await expect.poll(() => controlConnections(), { timeout: 20_000 }).toBe(0);
    // The live listener's and the singletons' own connections (PostgreSQL) are closed too.
    await expect.poll(() => clusterConnections(), { timeout: 20_000 }).toBe(0);
    expect(copy.hasRuntime()).toBe(false);
    expect(copy.runtime().id).not.toBe(id);
    await copy.runtime().close();
  });

  it("takes its settings from the caller, not from process.env", async () => {
    const copy = await freshCopy();
    const runtime = copy.installRuntime({ signalsBatchesPerMinute: 2 });
    expect(runtime.config.signalsBatchesPerMinute).toBe(2);
    expect(runtime.limiters.signals.tryTake("192.0.2.1", 0)).toBe(true);
    expect(runtime.limiters.signals.tryTake("192.0.2.1", 0)).toBe(true);
    expect(runtime.limiters.signals.tryTake("192.0.2.1", 0)).toBe(false);
    await runtime.close();
  });
});
