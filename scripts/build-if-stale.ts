// `npm run build:if-stale`: the production build `npm start` would make, without serving it (the test run's
// build phase). Nothing happens when the build is current.
import { ensureProductionBuild } from "./production-build";
import { root, step } from "./serve";

process.exit((await ensureProductionBuild(root, step)) === "failed" ? 1 : 0);
