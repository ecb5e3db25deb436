// npm run bench:try-it [-- --cold] [-- --rounds N] [-- --port P]
// How long a newcomer waits: `npm start` to ready (warm: build current; --cold: from no build), and, for every
// registered demo, a prospect's click on "Try it" to the first tour step on screen, next to loading the gallery
// in the same run (the baseline: same server, same browser, same fresh profile per round). Where the time goes
// is printed per phase from the browser's own navigation timing: the /try redirect (provisioning), the product
// page's first byte (server render), its DOMContentLoaded (chunks and scripts) and the first step (hydration and
// the tour's start).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { ms, percentile, startServer } from "./measure";

const cold = process.argv.includes("--cold");
const roundsArg = process.argv.indexOf("--rounds");
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 15;
const portArg = process.argv.indexOf("--port");
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 3191;
const base = `http://localhost:${port}`;

if (cold) {
  console.log("removing .next to measure a cold start (build included)…");
  fs.rmSync(".next", { recursive: true, force: true });
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-bench-"));
console.log(`starting the server (${cold ? "cold: builds first" : "warm"}; fresh data directory)…`);
// One browser makes three sandboxes a round: past ~10 rounds a minute that is over the per-client provisioning
// limit (30 a minute, unit-tested on its own), which would turn the last rounds into refusals, not timings.
const server = await startServer({ PORT: String(port), DATA_DIR: dataDir, PROVISION_RATE_PER_MINUTE: "600" });
console.log(
  `npm start → ready: ${(server.readyMs / 1000).toFixed(1)} s (${server.built ? "including a production build" : "build current"}, fresh data directory)`,
);

// A browser that cannot start must not leave the server behind it listening on the bench's port.
const browser = await chromium
  .launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  })
  .catch(async (error: unknown) => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });

type Phases = { redirect: number; firstByte: number; domReady: number; stepShown: number };
/** The product page's navigation timing, in ms from the click's navigation start, once the step is on screen. */
const phasesOf = (page: Page): Promise<Phases> =>
  page.evaluate(() => {
    const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    if (!navigation) throw new Error("no navigation timing");
    return {
      redirect: navigation.redirectEnd - navigation.startTime,
      firstByte: navigation.responseStart - navigation.startTime,
      domReady: navigation.domContentLoadedEventEnd - navigation.startTime,
      stepShown: performance.now() - navigation.startTime,
    };
  });

/** The demos the gallery offers, by the accessible name of their Try it link. */
async function galleryDemos(): Promise<{ name: string; href: string }[]> {
  const page = await browser.newPage();
  await page.goto(base);
  const links = await page.getByRole("link", { name: /^Try it: / }).all();
  const demos = await Promise.all(
    links.map(async (link) => ({ name: (await link.getAttribute("aria-label")) ?? "", href: (await link.getAttribute("href")) ?? "" })),
  );
  await page.close();
  return demos;
}

const gallery: number[] = [];
const results: { name: string; tryIt: number[]; live: number[]; phases: Phases[] }[] = [];
try {
  const demos = await galleryDemos();
  if (demos.length === 0) throw new Error("the gallery offers no demo");
  for (const demo of demos) results.push({ name: demo.name.replace(/^Try it: /, ""), tryIt: [], live: [], phases: [] });
  for (let round = 0; round < rounds; round++) {
    for (const [index, demo] of demos.entries()) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let started = performance.now();
      await page.goto(base);
      await page.getByRole("heading", { name: "See Pipeline for yourself" }).waitFor();
      gallery.push(performance.now() - started);

      started = performance.now();
      await page.getByRole("link", { name: demo.name, exact: true }).click();
      // On screen: the first card as painted (the server renders a welcome card); live: its buttons work.
      await page.locator(".tour-popover").first().waitFor({ state: "visible" });
      results[index]?.tryIt.push(performance.now() - started);
      const phases = await phasesOf(page);
      await page.getByTestId("tour-popover").waitFor({ state: "visible" });
      results[index]?.live.push(performance.now() - started);
      results[index]?.phases.push(phases);
      await context.close();
    }
    process.stdout.write(`\r  round ${round + 1}/${rounds}`);
  }
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const p50 = (samples: number[]) => percentile(samples, 50);
const galleryP50 = p50(gallery);
console.log("\n");
console.log(`baseline  gallery page load (${gallery.length} loads)  p50 ${ms(galleryP50)}  p95 ${ms(percentile(gallery, 95))}`);
for (const { name, tryIt, live, phases } of results) {
  const phase = (key: keyof Phases) => ms(p50(phases.map((sample) => sample[key])));
  console.log(`\n${name}`);
  console.log(`  "Try it" → first step shown   p50 ${ms(p50(tryIt))}  p95 ${ms(percentile(tryIt, 95))}`);
  console.log(
    `  ratio to the gallery          p50 ${(p50(tryIt) / galleryP50).toFixed(2)}×  p95 ${(percentile(tryIt, 95) / percentile(gallery, 95)).toFixed(2)}×  (target ≤ 1.2× at p50)`,
  );
  console.log(
    `  "Try it" → step live (hydrated, buttons work)  p50 ${ms(p50(live))}  p95 ${ms(percentile(live, 95))}  (${(p50(live) / galleryP50).toFixed(2)}× the gallery)`,
  );
  console.log(
    `  where it goes (p50, from the click): /try answered ${phase("redirect")}, page first byte ${phase("firstByte")}, ` +
      `DOMContentLoaded ${phase("domReady")}, step shown ${phase("stepShown")}`,
  );
}
