// End-to-end tests against the production build, served by `npm start` itself (build, migrate, seed, serve),
// in Debian's Chromium.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT || 3111);
// A fresh data directory per run: real SQLite files, nothing shared with a developer's ./data.
const dataDir = process.env.E2E_DATA_DIR || fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-e2e-"));
process.env.E2E_DATA_DIR = dataDir;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  globalSetup: "./tests/e2e/global-setup.ts",
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    // Headless Chromium announces itself as "HeadlessChrome", which Openhouse rightly files as a bot and hides
    // from reps. The suite plays a person, so it uses the desktop Chrome user agent; bots get their own test.
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
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
  webServer: {
    command: "node --import tsx --import ./scripts/server-only.mjs scripts/start.ts",
    url: `http://localhost:${port}/`,
    // The first run builds the app: that takes minutes on a 2-core machine.
    timeout: 15 * 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // The whole suite provisions from one address; the per-client limit itself is unit-tested.
    // The webhook test's receiver listens on loopback, which production refuses.
    env: {
      WEBHOOKS_ALLOW_PRIVATE: "1",
      PROVISION_RATE_PER_MINUTE: "300",
      // Likewise every conversation the suite starts comes from that one address (the limit is unit-tested).
      CONVERSATIONS_PER_HOUR: "100",
      PORT: String(port),
      DATA_DIR: dataDir,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
