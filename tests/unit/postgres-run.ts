// vitest's global setup for a run on PostgreSQL (TEST_POSTGRES_URL names a server we may create databases on;
// `npm run test:unit:pg` starts a throwaway one). It names the run, so each test file's database is
// openhouse_test_<run>_<file…> (tests/unit/setup-database.ts), and at the end drops whatever this run's files
// left behind — a file whose process crashed before its own clean-up. Other databases are never touched.
import type { TestProject } from "vitest/node";
import { dropTestRunDatabases, randomId } from "../../scripts/postgres/databases";

declare module "vitest" {
  export interface ProvidedContext {
    postgresRun: string;
  }
}

export default function setup(project: TestProject): (() => Promise<void>) | undefined {
  const server = process.env.TEST_POSTGRES_URL;
  const run = randomId();
  project.provide("postgresRun", run);
  if (!server) return undefined;
  return async () => {
    const left = await dropTestRunDatabases(server, run);
    if (left.length > 0) console.warn(`dropped ${left.length} database(s) a test file left behind: ${left.join(", ")}`);
  };
}
