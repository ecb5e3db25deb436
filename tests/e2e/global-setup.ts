// Before any worker starts: the production build, made once here, so the workers' servers (worker-server.ts)
// find it current and never race to build; and on PostgreSQL (TEST_POSTGRES_URL) a name for this run, so each
// worker's database is openhouse_test_<run>_w<n>_…, and what a crashed worker left is dropped at the end.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { dropTestRunDatabases, randomId } from "../../scripts/postgres/databases";
import { ensureProductionBuild } from "../../scripts/production-build";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if ((await ensureProductionBuild(root, (line) => console.log(`openhouse: ${line}`))) === "failed") {
    throw new Error("the production build failed (see above)");
  }
  const server = process.env.TEST_POSTGRES_URL;
  // Workers inherit the environment global setup leaves.
  const run = randomId();
  process.env.OPENHOUSE_TEST_RUN = run;
  if (!server) return undefined;
  console.log(`openhouse: end-to-end run ${run} on PostgreSQL (a database per worker)`);
  return async () => {
    const left = await dropTestRunDatabases(server, run);
    if (left.length > 0) console.warn(`dropped ${left.length} database(s) a worker left behind: ${left.join(", ")}`);
  };
}
