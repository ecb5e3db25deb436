import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "tests/unit/server-only.ts") },
  },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    // A temporary DATA_DIR per test file, and on PostgreSQL (TEST_POSTGRES_URL) a database per test file.
    setupFiles: ["tests/unit/setup-data-dir.ts", "tests/unit/setup-database.ts"],
    globalSetup: ["tests/unit/postgres-run.ts"],
    environment: "node",
    // better-sqlite3 is native; forks keep each test file in its own process with its own DATA_DIR.
    pool: "forks",
    // Vitest's default is one fork fewer than the cores: one at a time on 2 cores. The files wait on fsync,
    // PostgreSQL and child processes much of the time, so a fork per core took the suite from 162 s to 101 s
    // (SQLite) and 218 s to 160 s (PostgreSQL) on the 2-core machine (DEVELOPERS.md, "How long npm test takes").
    maxWorkers: Math.max(2, os.availableParallelism()),
    // The CLI tests start processes and the property tests run thousands of cases: on 2 cores shared with the
    // forks of other files (and, in npm test, with a PostgreSQL server) 5 s is not always enough.
    testTimeout: 30_000,
    // A beforeAll that signs up members (scrypt hashes) or migrates a database took more than the default 10 s
    // on a loaded 2-core machine; it is one-off setup, given the room a test gets and more.
    hookTimeout: 60_000,
  },
});
