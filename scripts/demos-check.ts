// `npm run demos:check`: validates every demo in demos/ and compiles its fixture, as `npm start` would,
// without touching the real data directory. Problems are printed as file:line:column — what — how to fix;
// exit 1 if any. `-- --anchors` lists the product's anchors, each with its page, and checks nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

if (process.argv.includes("--anchors")) {
  const { formatAnchorGuide } = await import("@/lib/pipeline/anchors");
  const { pipelineManifest } = await import("@/lib/pipeline/manifest");
  console.log(`${pipelineManifest.product}'s tour anchors (a step's target:), by page; paths are under /s/<sandbox>:\n`);
  console.log(formatAnchorGuide());
  process.exit(0);
}

// A throwaway data directory: checking demos never touches a real one.
const { installRuntime } = await import("@/lib/runtime/runtime");
const { config } = installRuntime({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-demos-check-")) });
const { ensureTemplate } = await import("@/lib/demos/compile-template");
const { listDemoSlugs, loadAllDemos } = await import("@/lib/demos/load-demo");
const { describeTourLengths } = await import("@/lib/demos/tour-graph");

try {
  const slugs = listDemoSlugs();
  console.log(`checking ${slugs.length} demo(s) in ${path.relative(process.cwd(), config.demosDir) || "."}/ …`);
  const { demos, problems } = loadAllDemos();
  for (const demo of demos) {
    const started = performance.now();
    ensureTemplate(demo);
    const { companies, contacts, deals, activities } = demo.fixture;
    console.log(
      `✓ ${demo.slug}: ${describeTourLengths(demo.definition)}; fixture ${companies.length} companies, ${contacts.length} contacts, ` +
        `${deals.length} deals, ${activities.length} activities; template compiled in ${(performance.now() - started).toFixed(0)} ms`,
    );
  }
  for (const problem of problems) console.error(`✗ ${problem.message}`);
  if (slugs.length === 0) console.error("✗ no demos found (a demo is a folder with a demo.yaml)");
  process.exitCode = problems.length > 0 || slugs.length === 0 ? 1 : 0;
} finally {
  fs.rmSync(config.dataDir, { recursive: true, force: true });
}
