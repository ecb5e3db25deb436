// HTTP half of the sandbox benchmark: a real production server (`scripts/start.ts`) on a loopback port,
// hammered with concurrent /try requests that carry no cookie, so every request provisions a new visitor.
import { type ChildProcess, spawn } from "node:child_process";
import autocannon from "autocannon";
import { directoryBytes, progress, rssMbOf } from "./sandbox-stats";

export type HttpResult = {
  provisionsPerSecond: number;
  redirects: number;
  otherResponses: number;
  p50LatencyMs: number;
  p99LatencyMs: number;
  rssIdleMb: number;
  rssAtThousandMb: number;
  serverRssMb: number;
  liveFiles: number;
  diskBytes: number;
};

function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only.mjs", "scripts/start.ts"], {
    env: {
      ...process.env,
      // The shipped demos only: the bench's reference-size demo is for the in-process comparison.
      DEMOS_DIR: "",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      NODE_ENV: "production",
      // One client address makes every request here: lift the per-client limit and the live cap.
      PROVISION_RATE_PER_MINUTE: "100000000",
      SANDBOX_MAX_LIVE: "1000000",
      SANDBOX_MAX_DISK_MB: "1000000",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start in 5 minutes")), 5 * 60_000);
    server.stdout?.on("data", (chunk) => {
      const text = String(chunk);
      if (text.includes("building")) progress("the server is building the app first (1–3 min)…");
      if (text.includes("ready on")) {
        clearTimeout(timer);
        resolve(server);
      }
    });
    server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

export async function benchHttp(port: number, dataDir: string, sandboxesDir: string, seconds: number): Promise<HttpResult> {
  progress(`starting a production server on 127.0.0.1:${port}…`);
  const server = await startServer(port, dataDir);
  try {
    const rssIdleMb = server.pid ? rssMbOf(server.pid) : Number.NaN;
    const url = `http://127.0.0.1:${port}/try/pipeline-basics`;
    await autocannon({ url, connections: 4, amount: 200 }); // warm-up: first compiles and JIT
    // Bring the server to 1,000 live sandboxes, then read its RSS: the memory target.
    await autocannon({ url, connections: 10, amount: 800 });
    const rssAtThousandMb = server.pid ? rssMbOf(server.pid) : Number.NaN;
    progress(`server RSS with 1,000 live sandboxes: ${rssAtThousandMb.toFixed(0)} MB`);
    progress(`${seconds} s of concurrent /try (20 connections)…`);
    const result = await autocannon({ url, connections: 20, duration: seconds });
    const codes = result.statusCodeStats;
    const redirects = codes["303"]?.count ?? 0;
    const all = Object.values(codes).reduce((sum, entry) => sum + entry.count, 0);
    const liveFiles = (await import("node:fs")).readdirSync(sandboxesDir).filter((name) => name.endsWith(".sqlite")).length;
    return {
      provisionsPerSecond: redirects / seconds,
      redirects,
      otherResponses: all - redirects,
      p50LatencyMs: result.latency.p50,
      p99LatencyMs: result.latency.p99,
      rssIdleMb,
      rssAtThousandMb,
      serverRssMb: server.pid ? rssMbOf(server.pid) : Number.NaN,
      liveFiles,
      diskBytes: directoryBytes(sandboxesDir),
    };
  } finally {
    // Wait for it to exit: it may still be finishing requests and writing files.
    await new Promise((resolve) => {
      server.removeAllListeners("exit");
      server.once("exit", resolve);
      server.kill("SIGTERM");
    });
  }
}
