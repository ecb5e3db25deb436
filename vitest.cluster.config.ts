// The cluster tests (tests/cluster): real PostgreSQL, real app nodes serving the production build, real HAProxy,
// started by scripts/cluster/start-cluster.ts. One file at a time: each starts a cluster on its ports.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "tests/unit/server-only.ts") },
  },
  test: {
    include: ["tests/cluster/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    // Each test waits for events (a node leaving rotation, a dead node being noticed), each with its own bound.
    testTimeout: 120_000,
    // Starting PostgreSQL and two production servers on a loaded 2-core machine.
    hookTimeout: 240_000,
  },
});
