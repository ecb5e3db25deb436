// What app nodes on one PostgreSQL tell each other and share besides rows: NOTIFY after a commit, one LISTEN
// connection per node, and singleton jobs held by session-level advisory locks on a connection of their own.
import "server-only";
import postgres from "postgres";
import type { ClusterLink, SingletonHolder, SingletonJob } from "@/db/store";
import { singletonLocks } from "./locks";
import { postgresClientOptions } from "./store";

/** NOTIFY refuses payloads of 8,000 bytes or more: said here plainly, before PostgreSQL says it less so. */
const notifyPayloadLimit = 7_999;

export function postgresCluster(url: string, pool: postgres.Sql): ClusterLink {
  return {
    async notify(channel, payload) {
      if (Buffer.byteLength(payload) > notifyPayloadLimit) throw new Error(`a NOTIFY payload must stay under 8,000 bytes`);
      // pg_notify, not NOTIFY: it takes the channel and payload as parameters. Outside any transaction, so the
      // notify queue's lock at commit is held for this one statement, never behind a busy write.
      await pool`select pg_notify(${channel}, ${payload})`;
    },

    async listen(channel, handlers) {
      // A client of its own so its one LISTEN connection carries its own application_name; postgres.js
      // re-LISTENs after a dropped connection and calls onlisten again, with backoff.
      const client = postgres(url, postgresClientOptions({ poolSize: 1, applicationName: handlers.applicationName }));
      try {
        const request = await client.listen(channel, handlers.onNotify, handlers.onListen);
        return async () => {
          await request.unlisten().catch(() => {});
          await client.end({ timeout: 2 });
        };
      } catch (error) {
        await client.end({ timeout: 0 });
        throw error;
      }
    },

    holdSingletons(jobs, options) {
      return holdSingletons(url, jobs, options);
    },
  };
}

function holdSingletons(
  url: string,
  jobs: readonly SingletonJob[],
  options: { applicationName: string; everyMs: number },
): SingletonHolder {
  // One connection: session-level locks belong to it, and a reconnect (a new backend) holds none of them. Never
  // retired for idleness or age (postgres.js recycles pooled connections after 30–60 min by default), so the
  // jobs do not change hands every half hour.
  const client = postgres(url, {
    ...postgresClientOptions({ poolSize: 1, applicationName: options.applicationName }),
    idle_timeout: 0,
    max_lifetime: null,
  });
  const held = new Set<SingletonJob>();
  const keys = jobs.map((job) => singletonLocks[job]);
  let stopped = false;
  let running: Promise<void> | undefined;

  async function refresh(): Promise<void> {
    try {
      // For each key: already ours on this backend (pg_locks), else try to take it. CASE, not OR, so the try
      // runs only when needed: taking a session lock twice would stack it.
      const rows = await client<{ key: number; held: boolean }[]>`
        select key, case when exists (
            select 1 from pg_locks l
            where l.locktype = 'advisory' and l.pid = pg_backend_pid() and l.granted and l.objsubid = 1
              and ((l.classid::bigint << 32) | l.objid::bigint) = key
          ) then true else pg_try_advisory_lock(key) end as held
        from unnest(${keys}::bigint[]) as key`;
      held.clear();
      for (const row of rows) {
        const job = jobs.find((candidate) => singletonLocks[candidate] === Number(row.key));
        if (job && row.held) held.add(job);
      }
    } catch (error) {
      // The connection is gone, so are its locks: run nothing until a refresh says otherwise.
      held.clear();
      if (!stopped) console.error("openhouse: could not refresh singleton locks", error instanceof Error ? error.message : error);
    }
  }

  const tick = () => {
    if (running || stopped) return;
    running = refresh().finally(() => {
      running = undefined;
    });
  };
  tick();
  const ready = running ?? Promise.resolve();
  const timer = setInterval(tick, options.everyMs);
  timer.unref();

  return {
    holds: (job) => held.has(job),
    ready,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      held.clear();
      // Ending the connection frees every session lock it holds: another node takes over on its next try.
      await client.end({ timeout: 2 });
    },
  };
}
