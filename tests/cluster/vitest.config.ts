// The multi-node tests: real app nodes (the production build) behind HAProxy on a real PostgreSQL, started by
// scripts/cluster/start-cluster.ts. One file at a time: each starts a cluster of its own, and two clusters at
// once on 2 cores measure the machine, not Openhouse. `npm run test:cluster` (on TEST_POSTGRES_URL's server if set).
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "../..");

export default defineConfig({
  root,
  resolve: { alias: { "@": root, "server-only": path.resolve(root, "tests/unit/server-only.ts") } },
  test: {
    include: ["tests/cluster/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    // Each test waits on real processes and real timeouts (a lease, a reconnect) with bounds of its own.
    testTimeout: 120_000,
    // Starting PostgreSQL, two nodes one after the other and HAProxy.
    hookTimeout: 240_000,
  },
});
