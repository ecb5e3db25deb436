// npm run bench:embed [-- --rounds N] [-- --port P]
// What an embedded demo costs the page it sits on (issue #21), against the bounds: the loader's
// JavaScript gzipped (≤ 2 kB), everything the poster's frame transfers before a click (≤ 15 kB), and a click on
// "Start the demo" to the first tour step visible in the frame, as a ratio to a click on the gallery's "Try it"
// to the first step in a top-level page, measured in the same run, same server, same browser (≤ 1.2×). The
// gallery's JavaScript is already cached there, the frame's is not (the poster loads none); so the marketing
// page's plain link to /try, as cold as the frame, is measured beside it.
// The host page is a plain HTML page on http://localhost:<port + 1>, Openhouse on http://127.0.0.1:<port>: two
// sites, so the frame is a third party as on the web.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { ms, percentile, startServer } from "./measure";

const roundsArg = process.argv.indexOf("--rounds");
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 10;
const portArg = process.argv.indexOf("--port");
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 3193;
const app = `http://127.0.0.1:${port}`;
const hostOrigin = `http://localhost:${port + 1}`;

const hostHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><main><h1>Host</h1>
<div data-openhouse-demo="pipeline-basics"><a href="${app}/try/pipeline-basics">Try the demo</a></div>
<script async src="${app}/embed.js"></script></main></body></html>`;
// The same marketing page without an embed: a plain link to /try, which is what a site does today.
const linkHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><main><h1>Host</h1>
<a href="${app}/try/pipeline-basics">Try the demo</a></main></body></html>`;
const host = http.createServer((request, response) => {
  response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  response.end(request.url === "/link" ? linkHtml : hostHtml);
});
await new Promise<void>((resolve) => host.listen(port + 1, resolve));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-bench-embed-"));
const server = await startServer({ PORT: String(port), DATA_DIR: dataDir, PROVISION_RATE_PER_MINUTE: "600", EMBED_ORIGINS: hostOrigin });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

/** Bytes on the wire (headers and body as sent) of every response from Openhouse the page received. */
function transferOf(page: Page): () => Promise<number> {
  const sizes: Promise<number>[] = [];
  page.on("requestfinished", (request) => {
    if (!request.url().startsWith(app)) return;
    sizes.push(request.sizes().then((size) => size.responseHeadersSize + size.responseBodySize));
  });
  return async () => (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
}

try {
  const loader = await (await fetch(`${app}/embed.js`)).text();
  const loaderGzip = gzipSync(loader, { level: 9 }).length;

  // The poster: every Openhouse response the host page got until the frame's button is there (loader included).
  const posterTransfers: number[] = [];
  const embedded: number[] = [];
  const topLevel: number[] = [];
  /** The marketing page's plain link to /try (no embed): a top-level page whose app JavaScript is not cached yet, as the frame's is not. */
  const fromLink: number[] = [];
  for (let round = 0; round < rounds; round++) {
    {
      const context = await browser.newContext();
      const page = await context.newPage();
      const transfer = transferOf(page);
      await page.goto(hostOrigin);
      const frame = page.frameLocator("[data-openhouse-demo] iframe");
      await frame.getByRole("button", { name: "Start the demo" }).waitFor();
      await page.waitForLoadState("networkidle");
      posterTransfers.push(await transfer());
      const started = performance.now();
      await frame.getByRole("button", { name: "Start the demo" }).click();
      await frame.getByTestId("tour-popover").getByRole("heading", { name: "Welcome to Pipeline" }).waitFor();
      embedded.push(performance.now() - started);
      await context.close();
    }
    {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${app}/`);
      const started = performance.now();
      await page.getByRole("link", { name: "Try it: Pipeline basics" }).click();
      await page.getByTestId("tour-popover").getByRole("heading", { name: "Welcome to Pipeline" }).waitFor();
      topLevel.push(performance.now() - started);
      await context.close();
    }
    {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${hostOrigin}/link`);
      const started = performance.now();
      await page.getByRole("link", { name: "Try the demo" }).click();
      await page.getByTestId("tour-popover").getByRole("heading", { name: "Welcome to Pipeline" }).waitFor();
      fromLink.push(performance.now() - started);
      await context.close();
    }
  }
  const median = (samples: number[]) => percentile(samples, 50);
  console.log(`bench:embed: ${rounds} rounds, ${app} embedded in ${hostOrigin}`);
  console.log(`  loader /embed.js: ${kB(Buffer.byteLength(loader))} raw, ${kB(loaderGzip)} gzip (bound 2 kB)`);
  console.log(
    `  poster, all Openhouse transfer before the click (loader included): median ${kB(median(posterTransfers))}, max ${kB(Math.max(...posterTransfers))} (bound 15 kB)`,
  );
  console.log(`  click → first step, embedded: median ${ms(median(embedded))}, p90 ${ms(percentile(embedded, 90))}`);
  console.log(`  click → first step, /try top-level: median ${ms(median(topLevel))}, p90 ${ms(percentile(topLevel, 90))}`);
  console.log(`  ratio embedded ÷ /try (medians): ${(median(embedded) / median(topLevel)).toFixed(2)}× (bound 1.2×)`);
  console.log(
    `  click → first step, the host page's plain link to /try: median ${ms(median(fromLink))}, p90 ${ms(percentile(fromLink, 90))}`,
  );
  console.log(`  ratio embedded ÷ host link to /try (medians): ${(median(embedded) / median(fromLink)).toFixed(2)}×`);
} finally {
  await browser.close();
  await server.stop();
  host.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
