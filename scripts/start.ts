// `npm start`: build if the sources changed, migrate, register demos, then serve.
// One command for a newcomer: no env file, no other service.
import { spawnSync } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = "1";

const { buildIsCurrent, recordBuild, sourceHash } = await import("./build-stamp");

function step(message: string): void {
  console.log(`openhouse: ${message}`);
}

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

// Loaded after the build so a build failure never touches the database.
const { config } = await import("../lib/config");
const { migrateControlDb, closeControlDb } = await import("../db/client");
const { registerDemos } = await import("../lib/demos/registry");
const { DemoFileError } = await import("../lib/demos/parse-yaml-file");
const { serverSecret } = await import("../lib/server-secret");

step(`data directory ${config.dataDir}`);
serverSecret();
migrateControlDb();
try {
  // Keep only the names: a demo's parsed fixture can be megabytes, and this process lives long.
  const slugs = registerDemos().map((demo) => demo.slug);
  step(`${slugs.length} demo(s) registered: ${slugs.join(", ")}`);
  // The first visitors get a sandbox by rename, not by copy.
  const { fillSpares } = await import("../lib/sandbox/spares");
  const { templateFor } = await import("../lib/demos/registry");
  for (const slug of slugs) fillSpares(templateFor(slug));
} catch (error) {
  if (error instanceof DemoFileError) {
    console.error(`openhouse: demo files have problems:\n${error.message}`);
    process.exit(1);
  }
  throw error;
}

// Expiry, caps and stray files. Runs in this process; a sandbox it retires is refused by the ownership check
// before any open handle in the app's own module instance could be used again.
const { startSandboxMaintenance } = await import("../lib/sandbox/maintenance");
const stopSandboxMaintenance = startSandboxMaintenance();
// The event store's retention purge and WAL checkpoints, on the connection the lean signals path uses.
const { startSignalsMaintenance } = await import("../lib/signals/maintenance");
const stopSignalsMaintenance = startSignalsMaintenance();

const { default: next } = await import("next");
const app = next({ dev: false, dir: root, port: config.port, hostname: config.host ?? "localhost" });
await app.prepare();
const handle = app.getRequestHandler();

const { clientAddress, clientIpHeaderName } = await import("../lib/http/client-ip");
const { isSignalsRequest, serveSignals } = await import("../lib/signals/node-handler");
const { malformedPathRefusal } = await import("../lib/next-workarounds/undecodable-path");
const { pageMethodRefusal } = await import("../lib/next-workarounds/page-methods");
const { handleGuardingServerActions } = await import("../lib/next-workarounds/action-decode-failures");
const server = http.createServer((request, response) => {
  request.headers[clientIpHeaderName] = clientAddress(request.headers, request.socket.remoteAddress);
  // Next answers an undecodable path with a bare 500, and a page for any method (see lib/http/).
  const refusal = malformedPathRefusal(request.url) ?? pageMethodRefusal(request.method, request.url);
  if (refusal) {
    response.writeHead(refusal.status, refusal.headers);
    response.end(refusal.body);
    return;
  }
  if (isSignalsRequest(request)) {
    serveSignals(request, response).catch((error: unknown) => {
      console.error("signals: request failed", error);
      if (!response.headersSent) response.writeHead(503, { "content-type": "application/json", "retry-after": "2" });
      response.end(JSON.stringify({ error: "Could not store the events right now; retry shortly" }));
    });
    return;
  }
  // Next answers undecodable Server Action arguments with a 500 (see lib/next-workarounds/action-decode-failures.ts).
  handleGuardingServerActions(request, response, () => void handle(request, response));
});
server.listen(config.port, config.host, () => {
  step(`ready on http://localhost:${config.port} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
});

function shutdown(signal: string): void {
  step(`${signal}: shutting down`);
  stopSandboxMaintenance();
  stopSignalsMaintenance();
  server.close(() => {
    closeControlDb();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
