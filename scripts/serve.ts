// The one server behind `npm start` (production build) and `npm run dev` (Next's dev server): the same
// composition root (lib/runtime/start.ts) and the same front door (lib/runtime/front-door.ts), so both answer
// every request alike. Only how Next renders differs.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type ServeOptions = { dev: boolean; started: number };

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Whether the operator started Node with --enable-source-maps (on its command line or in NODE_OPTIONS). */
export function sourceMapsAsked(proc: { execArgv: string[]; env: Record<string, string | undefined> }): boolean {
  const flag = "--enable-source-maps";
  return proc.execArgv.includes(flag) || (proc.env.NODE_OPTIONS ?? "").split(/\s+/).includes(flag);
}

export function step(message: string): void {
  console.log(`openhouse: ${message}`);
}

export async function serve({ dev, started }: ServeOptions): Promise<void> {
  // Loaded only now, so a failed build never touches the database.
  const { DemoFileError } = await import("../lib/demos/parse-yaml-file");
  const { startOpenhouse } = await import("../lib/runtime/start");
  const { frontDoor } = await import("../lib/runtime/front-door");

  let openhouse: Awaited<ReturnType<typeof startOpenhouse>>;
  try {
    openhouse = await startOpenhouse();
  } catch (error) {
    if (error instanceof DemoFileError) {
      console.error(`openhouse: demo files have problems:\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const { config } = openhouse.runtime;
  step(`data directory ${config.dataDir}`);
  step(`${openhouse.demoSlugs.length} demo(s) registered: ${openhouse.demoSlugs.join(", ")}`);
  if (dev) {
    // Edits to demos/ are re-registered without a restart; the studio and the preview refresh themselves.
    const { startDemoWatch } = await import("../lib/studio/demo-watch");
    openhouse.runtime.onClose(startDemoWatch((version) => step(`demo files changed: demos re-registered (version ${version})`)));
    step(`watching ${config.demosDir} for demo edits`);
  }

  // tsx turns Node's source maps on for our TypeScript; left on, Node would also read and keep the map of every
  // chunk of the production build it loads (33 MB of .map files, most of them the sources' full text): +60 MB of
  // RSS at rest (BENCHMARKS.md, 2026-12-07). `next start` runs without them too. An operator who wants mapped
  // stack traces from the build asks for them: NODE_OPTIONS=--enable-source-maps.
  if (!dev && !sourceMapsAsked(process)) process.setSourceMapsEnabled(false);
  const { default: next } = await import("next");
  const app = next({ dev, dir: root, port: config.port, hostname: config.host ?? "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const { publicFilePaths } = await import("../lib/next-workarounds/head-requests");
  const publicFiles = publicFilePaths(path.join(root, "public"));
  const server = http.createServer(
    frontDoor((request, response) => void handle(request, response), { dev, publicFiles, embedOrigins: config.embedOrigins }),
  );
  // An idle keep-alive connection is closed after 65 s, not Node's 5 s: a client (or a load balancer, whose idle
  // timeout is usually 60 s) that sends on a connection just as the server closes it gets ECONNRESET, not an answer.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(config.port, config.host, () => {
    const mode = dev ? "development server" : "ready";
    step(`${mode} on http://localhost:${config.port} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  });

  function shutdown(signal: string): void {
    step(`${signal}: shutting down`);
    setTimeout(() => process.exit(0), 5000).unref();
    // First, while the database is surely reachable: the other nodes learn this one will be back.
    void openhouse.leaving().finally(() =>
      server.close(() => {
        openhouse.stop().finally(() => process.exit(0));
      }),
    );
  }
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}
