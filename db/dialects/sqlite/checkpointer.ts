// WAL checkpoints on a thread of their own. A checkpoint copies the write-ahead log into the database file and
// fsyncs it: taken on the event loop (or inside whichever commit crosses SQLite's auto-checkpoint threshold) it
// stalled every request for tens of milliseconds once a second under load — the p99 of bench:signals. A
// PASSIVE checkpoint from another connection runs beside the writer without blocking it (SQLite's WAL design),
// so a worker thread with its own connection takes them, and the event loop never waits for one.
import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";

/** The worker's code, evaluated as CommonJS: it needs no file of its own in the build. */
const source = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("busy_timeout = 5000");
db.pragma("synchronous = FULL");
const checkpoint = () => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on("message", () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/** Where better-sqlite3 is, resolved from the app's own folder (the bundler may have moved this module). */
function driverPath(): string {
  return createRequire(path.join(process.cwd(), "package.json")).resolve("better-sqlite3");
}

/** Checkpoints `file` every `everyMs` from a worker thread until the returned stop runs (it waits for the last). */
export function startCheckpointer(file: string, everyMs: number): () => Promise<void> {
  const worker = new Worker(source, { eval: true, workerData: { file, everyMs, driver: driverPath() } });
  worker.on("message", (message: { error?: string }) => {
    if (message.error) console.error("openhouse: WAL checkpoint failed:", message.error);
  });
  worker.on("error", (error) => console.error("openhouse: the WAL checkpointer stopped", error));
  // A serving process ends by its own close; the checkpointer must not keep a CLI or a test alive.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return async () => {
    worker.postMessage("stop");
    await exited;
  };
}
