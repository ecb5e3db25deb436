// npm run bench:try-it [-- --cold]
// How long a newcomer waits: `npm start` to ready (warm: build current; --cold: from no build), and a
// prospect's click on "Try it" to the first tour step on screen, next to loading the gallery in the same run.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { ms, percentile, startServer } from "./measure";

const cold = process.argv.includes("--cold");
const rounds = 15;
const port = 3191;
const base = `http://localhost:${port}`;

if (cold) {
  console.log("removing .next to measure a cold start (build included)…");
  fs.rmSync(".next", { recursive: true, force: true });
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-bench-"));
console.log(`starting the server (${cold ? "cold: builds first" : "warm"}; fresh data directory)…`);
const server = await startServer({ PORT: String(port), DATA_DIR: dataDir });
console.log(
  `npm start → ready: ${(server.readyMs / 1000).toFixed(1)} s (${server.built ? "including a production build" : "build current"}, fresh data directory)`,
);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
const gallery: number[] = [];
const tryIt: number[] = [];
try {
  for (let round = 0; round < rounds; round++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let started = performance.now();
    await page.goto(base);
    await page.getByRole("heading", { name: "See Pipeline for yourself" }).waitFor();
    gallery.push(performance.now() - started);

    started = performance.now();
    await page
      .getByRole("link", { name: /^Try it/ })
      .first()
      .click();
    await page.getByTestId("tour-popover").waitFor({ state: "visible" });
    tryIt.push(performance.now() - started);
    await context.close();
    process.stdout.write(`\r  round ${round + 1}/${rounds}`);
  }
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log("\n");
console.log(`baseline  gallery page load          p50 ${ms(percentile(gallery, 50))}  p95 ${ms(percentile(gallery, 95))}`);
console.log(`measured  "Try it" → tour step shown  p50 ${ms(percentile(tryIt, 50))}  p95 ${ms(percentile(tryIt, 95))}`);
console.log(`ratio     try-it / gallery (p50)      ${(percentile(tryIt, 50) / percentile(gallery, 50)).toFixed(2)}×`);
