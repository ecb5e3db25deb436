import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "tests/unit/server-only.ts") },
  },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    setupFiles: ["tests/unit/setup-data-dir.ts"],
    environment: "node",
    // better-sqlite3 is native; forks keep each test file in its own process with its own DATA_DIR.
    pool: "forks",
  },
});
