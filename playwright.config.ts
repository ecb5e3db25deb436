// End-to-end tests against the production build, in Debian's Chromium. global-setup builds it once; then each
// worker starts its own `npm start` server (tests/e2e/worker-server.ts: own port, data directory and, with
// TEST_POSTGRES_URL, own PostgreSQL database), so spec files run in parallel and share nothing.
import { defineConfig } from "@playwright/test";
import { chromiumPath } from "./lib/chromium-path";

export default defineConfig({
  testDir: "tests/e2e",
  // Files in parallel across workers; the tests of one file in order, on their worker's server.
  fullyParallel: false,
  // Each worker is a server and a Chromium: on 2 cores, 2 workers finish the suite first (DEVELOPERS.md).
  workers: Number(process.env.E2E_WORKERS || 2),
  retries: 0,
  // A test shares the cores with the other workers' servers and browsers: the axe-heavy tour walks take about a
  // minute even alone on a busy 2-core machine, so 60 s was too tight once files run side by side.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  globalSetup: "./tests/e2e/global-setup.ts",
  use: {
    trace: "retain-on-failure",
    // Headless Chromium announces itself as "HeadlessChrome", which Openhouse rightly files as a bot and hides
    // from reps. The suite plays a person, so it uses the desktop Chrome user agent; bots get their own test.
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(process.env),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
});
