// What every spec imports instead of @playwright/test: the same `test` and `expect`, with each worker's own
// server (worker-server.ts) behind `baseURL`, so `page`, `request` and `browser.newContext()` all reach it.
import { test as base } from "@playwright/test";
import { startWorkerServer, type WorkerServer } from "./worker-server";

export { expect } from "@playwright/test";
export type { WorkerServer } from "./worker-server";

export const test = base.extend<Record<never, never>, { server: WorkerServer }>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use, workerInfo) => {
      const worker = workerInfo.parallelIndex;
      const server = await startWorkerServer(worker, (line) => process.stderr.write(`[server w${worker}] ${line}\n`));
      try {
        await use(server);
      } finally {
        await server.stop();
      }
    },
    // Starting takes a few seconds, longer when every worker starts at once on a busy machine.
    { scope: "worker", timeout: 5 * 60_000 },
  ],
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
});
