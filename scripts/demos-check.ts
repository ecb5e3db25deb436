// `npm run demos:check`: validates every demo in demos/ and compiles its fixture, as `npm start` would,
// without touching the real data directory; then walks every path of every demo in Chromium against a
// production build (lib/demos/walk) and records each demo's result for the studio.
// Problems are printed as file:line:column — what — how to fix; exit 1 if any.
//   --anchors     lists the product's anchors, each with its page, and checks nothing
//   --static      the file checks only, no browser
//   --base URL    walk a running Openhouse (a deployment) instead of starting one
//   --demo SLUG   only this demo (repeatable)
//   --viewport V  only desktop or phone (repeatable)
//   --no-record   do not record the walk in DATA_DIR's control database (CI)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const usage = "usage: npm run demos:check -- [--static] [--base URL] [--demo SLUG]… [--viewport desktop|phone]… [--no-record] [--anchors]";
let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      anchors: { type: "boolean" },
      static: { type: "boolean" },
      base: { type: "string" },
      demo: { type: "string", multiple: true },
      "no-record": { type: "boolean" },
      viewport: { type: "string", multiple: true },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}
try {
  args = parse();
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}

if (args.anchors) {
  const { formatAnchorGuide } = await import("@/lib/pipeline/anchors");
  const { pipelineManifest } = await import("@/lib/pipeline/manifest");
  console.log(`${pipelineManifest.product}'s tour anchors (a step's target:), by page; paths are under /s/<sandbox>:\n`);
  console.log(formatAnchorGuide());
  process.exit(0);
}
if (args.base !== undefined && !/^https?:\/\/[^\s/]+/.test(args.base)) {
  console.error(`✗ --base is the address of a running Openhouse, like https://demo.example.com (got "${args.base}")`);
  process.exit(2);
}

const { viewportClasses } = await import("@/lib/demos/check-run-schema");
const screens = (args.viewport ?? [...viewportClasses]) as (typeof viewportClasses)[number][];
const badScreen = screens.find((screen) => !(viewportClasses as readonly string[]).includes(screen));
if (badScreen) {
  console.error(`✗ --viewport ${badScreen}: the viewports are ${viewportClasses.join(" and ")}`);
  process.exit(2);
}

// A throwaway data directory: checking demos never touches a real one.
const { installRuntime } = await import("@/lib/runtime/runtime");
const { config } = installRuntime({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-demos-check-")) });
const { ensureTemplate } = await import("@/lib/demos/compile-template");
const { listDemoSlugs, loadAllDemos } = await import("@/lib/demos/load-demo");
const { describeTourLengths } = await import("@/lib/demos/tour-graph");
const { didYouMean } = await import("@/lib/demos/did-you-mean");

const slugs = listDemoSlugs();
const wanted = args.demo ?? slugs;
const unknown = wanted.filter((slug) => !slugs.includes(slug));
if (unknown.length > 0) {
  for (const slug of unknown) {
    const near = didYouMean(slug, slugs);
    console.error(
      `✗ --demo ${slug}: no such demo in ${path.relative(process.cwd(), config.demosDir) || "."}/${near ? ` — did you mean "${near}"?` : `; the demos are ${slugs.join(", ")}`}`,
    );
  }
  process.exit(2);
}

let ok = true;
let valid: Awaited<ReturnType<typeof loadAllDemos>>["demos"] = [];
try {
  console.log(`checking ${wanted.length} demo(s) in ${path.relative(process.cwd(), config.demosDir) || "."}/ …`);
  const { demos, problems } = loadAllDemos();
  valid = demos.filter((demo) => wanted.includes(demo.slug));
  for (const demo of valid) {
    const started = performance.now();
    ensureTemplate(demo);
    const { companies, contacts, deals, activities } = demo.fixture;
    console.log(
      `✓ ${demo.slug}: ${describeTourLengths(demo.definition)}; fixture ${companies.length} companies, ${contacts.length} contacts, ` +
        `${deals.length} deals, ${activities.length} activities; template compiled in ${(performance.now() - started).toFixed(0)} ms`,
    );
  }
  const ours = problems.filter((problem) => problem.problems.some((at) => wanted.some((slug) => at.file.split(path.sep).includes(slug))));
  for (const problem of args.demo ? ours : problems) console.error(`✗ ${problem.message}`);
  if (slugs.length === 0) console.error("✗ no demos found (a demo is a folder with a demo.yaml)");
  ok = (args.demo ? ours : problems).length === 0 && slugs.length > 0;
} finally {
  fs.rmSync(config.dataDir, { recursive: true, force: true });
}

if (ok && !args.static) {
  const { walkDemos } = await import("@/lib/demos/walk/walk-demos");
  const { serveForWalk } = await import("@/lib/demos/walk/serve-for-walk");
  const started = performance.now();
  const server = args.base ? undefined : await serveForWalk(process.cwd(), (line) => console.log(line));
  const baseUrl = args.base ?? server?.baseUrl ?? "";
  let runs: Awaited<ReturnType<typeof walkDemos>> = [];
  try {
    console.log(`walking every path at ${screens.join(" and ")} against ${baseUrl} …`);
    runs = await walkDemos(valid, {
      baseUrl,
      demosDir: config.demosDir,
      screenshotsDir: path.resolve("test-results", "demos"),
      viewports: screens,
      parallel: 2,
      chromiumPath: config.chromiumPath,
      log: (line) => console.log(line),
    });
  } finally {
    await server?.stop();
  }
  const failed = runs.filter((run) => run.failures.length > 0 || run.paths.some((checked) => !checked.ok));
  const walked = runs.reduce((sum, run) => sum + run.paths.length, 0);
  console.log(
    `${failed.length === 0 ? "✓" : "✗"} walked ${walked} path(s) of ${runs.length} demo(s) in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      (failed.length > 0 ? `; failed: ${failed.map((run) => run.slug).join(", ")}` : ""),
  );
  ok = failed.length === 0;
  if (!args["no-record"]) {
    // Into the workspace the studio shows (DATA_DIR, default ./data), not the walk's throwaway server.
    const workspace = installRuntime();
    const { migrateControlPlane } = await import("@/db/control-plane");
    const { recordCheckRun } = await import("@/lib/demos/check-runs");
    await migrateControlPlane();
    for (const run of runs) await recordCheckRun(run);
    console.log(`recorded in ${path.relative(process.cwd(), workspace.config.dataDir) || "."}/control.sqlite for the studio`);
    await workspace.close();
  }
}
process.exitCode = ok ? 0 : 1;
