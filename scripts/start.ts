// `npm start`: build if the sources changed, then serve the production build (scripts/serve.ts).
// One command for a newcomer: no env file, no other service.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsCurrent, recordBuild, sourceHash } from "./build-stamp";
import { root, serve, step } from "./serve";

process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = "1";

const started = Date.now();
if (buildIsCurrent(root)) {
  step("production build is current");
} else {
  step("building the app for production (first run takes 1–3 minutes; Next prints its progress below)…");
  const hash = sourceHash(root);
  const build = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (build.status !== 0) {
    console.error("openhouse: the build failed (see above). Nothing was started.");
    process.exit(1);
  }
  recordBuild(root, hash);
  step(`build finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

await serve({ dev: false, started });
