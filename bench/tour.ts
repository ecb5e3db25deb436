// `npm run bench:tour`: how much client JavaScript the tour costs a visitor, beside driver.js and Shepherd.
// Builds the app when its sources changed (or reuses the fresh build) and finds the chunk(s) of the product
// page holding the tour player. Turbopack merges the tour with the product's header components there, so
// the tour's own code (player, engine, DOM side, floating-ui; React, Next and the tracker it shares with the
// product left out) is also bundled on its own with esbuild --minify, exactly like driver.js and Shepherd
// in the same run, and all are gzipped alike (level 9). Then prints every client chunk the product page
// loads beyond Next's and React's own.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { build } from "esbuild";
import { buildIsCurrent, recordBuild, sourceHash } from "../scripts/build-stamp";
import { gzipBytes, kB, printOwnChunks, rawBytes, readPageChunks } from "./client-chunks";
import { bundleTour, tourEntry, tourGzipTarget } from "./tour-bundle";

const root = path.resolve(import.meta.dirname, "..");

const say = (line: string) => console.log(`bench:tour: ${line}`);

function ensureBuild(): void {
  if (buildIsCurrent(root)) {
    say("the production build in .next is current; measuring it");
    return;
  }
  say("sources changed since the last build: running `next build` (minutes on a small machine; its progress follows) …");
  const started = Date.now();
  const hash = sourceHash(root);
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed (see above)");
  recordBuild(root, hash);
  say(`build finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

interface Measured {
  name: string;
  js: string;
  css: string;
}

/** A library as an app would ship it: its public entry bundled and minified by esbuild, its stylesheet minified. */
async function bundleLibrary(name: string, entry: string, cssFile: string): Promise<Measured> {
  say(`bundling ${name} with esbuild --minify …`);
  const js = await build({
    stdin: { contents: entry, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "error",
  });
  return { name, js: js.outputFiles[0]?.text ?? "", css: await minifyCss(path.join(root, cssFile)) };
}

/** The tour as esbuild bundles it (./tour-bundle.ts). */
async function bundleTourHere(): Promise<string> {
  say(`bundling ${tourEntry} with esbuild --minify …`);
  return bundleTour(root);
}

async function minifyCss(file: string): Promise<string> {
  const css = await build({ entryPoints: [file], bundle: true, minify: true, write: false, logLevel: "error" });
  return css.outputFiles[0]?.text ?? "";
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

async function main(): Promise<void> {
  ensureBuild();
  say("reading the client chunks of /s/[sandbox] …");
  const page = readPageChunks(root);
  const own = page.chunks.filter((chunk) => !chunk.framework);
  const playerIds = new Set([...page.names].filter(([, name]) => name === tourEntry).map(([id]) => id));
  const tourChunks = own.filter((chunk) => chunk.modules.some((module) => module.ids.some((id) => playerIds.has(id))));
  if (tourChunks.length === 0) throw new Error(`${tourEntry} is in no client chunk of the product page`);

  const tour: Measured = {
    name: "Openhouse tour",
    js: await bundleTourHere(),
    css: await minifyCss(path.join(root, "components/tour/tour.css")),
  };
  const libraries = [
    await bundleLibrary("driver.js", 'export { driver } from "driver.js";', "node_modules/driver.js/dist/driver.css"),
    await bundleLibrary("shepherd.js", 'export { default } from "shepherd.js";', "node_modules/shepherd.js/dist/css/shepherd.css"),
  ];

  console.log("\nbundled alike (esbuild --minify, gzip -9):");
  console.log("                      JS raw   JS gzip   CSS gzip   tour's JS gzip vs it");
  const tourGzip = gzipBytes(tour.js);
  for (const row of [tour, ...libraries]) {
    const gzip = gzipBytes(row.js);
    console.log(
      `${row.name.padEnd(18)} ${kB(rawBytes(row.js)).padStart(9)} ${kB(gzip).padStart(9)} ${kB(gzipBytes(row.css)).padStart(10)}   ${row === tour ? "—" : ratio(tourGzip, gzip)}`,
    );
  }
  console.log(
    `target ≤ ${kB(tourGzipTarget)} gzip for the tour's JS: ${kB(tourGzip)} ${tourGzip <= tourGzipTarget ? "(met)" : "(NOT met)"}`,
  );

  console.log("\nas the product page downloads it (Next's build; the chunk also holds the product header's components):");
  for (const chunk of tourChunks) {
    const components = chunk.named.filter((name) => !name.startsWith("node_modules/"));
    console.log(
      `  ${chunk.file.padEnd(34)} ${kB(rawBytes(chunk.source)).padStart(9)} raw ${kB(gzipBytes(chunk.source)).padStart(9)} gzip   ${components.join(", ")}`,
    );
  }

  console.log("\nevery client chunk the product page loads beyond Next's and React's own:");
  printOwnChunks(page);
}

main().catch((error: unknown) => {
  console.error(`bench:tour: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
