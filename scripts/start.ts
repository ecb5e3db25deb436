// `npm start`: build if the sources changed, then serve the production build (scripts/serve.ts).
// One command for a newcomer: no env file, no other service.
import { ensureProductionBuild } from "./production-build";
import { root, serve, step } from "./serve";

process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = "1";

const started = Date.now();
if ((await ensureProductionBuild(root, step)) === "failed") {
  console.error("openhouse: the build failed (see above). Nothing was started.");
  process.exit(1);
}

await serve({ dev: false, started });
