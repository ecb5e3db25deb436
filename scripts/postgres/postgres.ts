// One PostgreSQL server for a test run (or for `npm run cluster`): a throwaway cluster of our own, or — when a
// URL names an existing server — that server, on which we only ever create and drop databases of our own.
//
//   const server = await startPostgres({ existingUrl: process.env.DATABASE_URL });
//   const url = await server.createDatabase("openhouse");   // postgres://…/openhouse (…/openhouse_test_<run>_openhouse on an existing server)
//   …
//   await server.stop();                                     // stops the cluster, or drops the databases we made
import type { PostgresBinaries } from "./binaries";
import { createDatabase, dropDatabase, randomId, redactUrl, testDatabaseName } from "./databases";
import { startThrowawayCluster } from "./throwaway-cluster";

export type PostgresServer = {
  /** A URL that may create databases: the cluster's `postgres` database, or the existing server's URL. */
  readonly url: string;
  /** "throwaway": started here, gone after stop(). "existing": someone else's server, left as we found it. */
  readonly kind: "throwaway" | "existing";
  /** A throwaway server's temporary directory (data, log, socket); undefined for an existing server. */
  readonly dir: string | undefined;
  /** Random per server handle; the names of databases made on an existing server start with openhouse_test_<run>_. */
  readonly run: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  /** A throwaway server is stopped and removed; on an existing one the databases we made are dropped. */
  stop(): Promise<void>;
  /** For messages: the URL without a password. */
  describe(): string;
};

export type StartOptions = {
  /** A postgres:// URL of a server to use instead of starting one. */
  existingUrl?: string;
  /** First port to try for a throwaway cluster (else any free port). */
  port?: number;
  binaries?: PostgresBinaries;
  log?: (line: string) => void;
};

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url.trim());
}

export async function startPostgres(options: StartOptions = {}): Promise<PostgresServer> {
  const run = randomId();
  if (options.existingUrl !== undefined) {
    if (!isPostgresUrl(options.existingUrl)) throw new Error(`not a postgres:// URL: ${redactUrl(options.existingUrl)}`);
    return onExistingServer(options.existingUrl, run);
  }
  const cluster = await startThrowawayCluster({ binaries: options.binaries, port: options.port, log: options.log });
  return {
    url: cluster.url,
    kind: "throwaway",
    dir: cluster.dir,
    run,
    createDatabase: (name) => createDatabase(cluster.url, name),
    dropDatabase: (name) => dropDatabase(cluster.url, name),
    stop: () => cluster.stop(),
    describe: () => `a throwaway PostgreSQL on 127.0.0.1:${cluster.port}`,
  };
}

function onExistingServer(url: string, run: string): PostgresServer {
  const made = new Set<string>();
  return {
    url,
    kind: "existing",
    dir: undefined,
    run,
    async createDatabase(name) {
      const actual = testDatabaseName(run, name);
      const created = await createDatabase(url, actual);
      made.add(actual);
      return created;
    },
    async dropDatabase(name) {
      const actual = testDatabaseName(run, name);
      await dropDatabase(url, actual);
      made.delete(actual);
    },
    async stop() {
      for (const name of [...made]) {
        await dropDatabase(url, name);
        made.delete(name);
      }
    },
    describe: () => `the PostgreSQL server at ${redactUrl(url)}`,
  };
}
