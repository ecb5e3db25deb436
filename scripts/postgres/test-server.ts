// How a test command finds its PostgreSQL: TEST_POSTGRES_URL names a server to make databases on (what the test
// setups read); DATABASE_URL, when it is a postgres:// URL, names an existing server to use instead of a
// throwaway one; TEST_POSTGRES_PORT is the first port a throwaway server tries.
import type { PostgresServer } from "./postgres";
import { isPostgresUrl } from "./postgres";

/** The server the tests should use when one is named already; undefined means: start a throwaway one. */
export function namedServer(env: NodeJS.ProcessEnv): string | undefined {
  if (isPostgresUrl(env.TEST_POSTGRES_URL)) return env.TEST_POSTGRES_URL;
  if (isPostgresUrl(env.DATABASE_URL)) return env.DATABASE_URL;
  return undefined;
}

/** The environment of a test command on `server`: it makes its own databases there, and no DATABASE_URL leaks in. */
export function testEnvironment(env: NodeJS.ProcessEnv, server: PostgresServer): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env;
  return { ...rest, TEST_POSTGRES_URL: server.url };
}

/** The environment of a test command on SQLite: nothing points it at a PostgreSQL server. */
export function sqliteEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _database, TEST_POSTGRES_URL: _server, ...rest } = env;
  return rest;
}

export function firstPort(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_435)
    throw new Error(`TEST_POSTGRES_PORT / --port must be a port number, got "${raw}"`);
  return port;
}
