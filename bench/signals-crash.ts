// `npm run bench:signals:crash`: kill -9 the production server at a random moment under load, restart it,
// and check that every acknowledged event is stored exactly once and the database is sound. ≥ 10 rounds.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { startServer } from "./measure";
import { batchBody } from "./signals-load";

const rounds = Number(process.env.CRASH_ROUNDS || 10);
const clients = 16;
const port = 3196;
const url = `http://127.0.0.1:${port}/api/signals`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-crash-"));
const env = { PORT: String(port), DATA_DIR: dataDir, SIGNALS_BATCHES_PER_MINUTE: "100000000" };

const acknowledged = new Set<string>();
const sent = new Set<string>();
let retries = 0;

/** A client that retries each batch until it is acknowledged, as the browser tracker does. */
async function client(stopAt: () => boolean): Promise<void> {
  while (!stopAt()) {
    const body = batchBody();
    const ids = (JSON.parse(body) as { events: { id: string }[] }).events.map((event) => event.id);
    for (const id of ids) sent.add(id);
    for (;;) {
      try {
        const response = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json" } });
        if (response.status === 202) {
          for (const id of ids) acknowledged.add(id);
          break;
        }
      } catch {
        // Connection refused or reset: the server is down; retry the same batch.
      }
      retries++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

let server = await startServer(env);
const failures: string[] = [];
for (let round = 1; round <= rounds; round++) {
  let stopping = false;
  const load = Array.from({ length: clients }, () => client(() => stopping));
  await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 1200));
  server.child.kill("SIGKILL");
  await new Promise((resolve) => server.child.once("exit", resolve));
  server = await startServer(env);
  stopping = true;
  await Promise.all(load);

  const sqlite = new Database(path.join(dataDir, "control.sqlite"), { readonly: true });
  const stored = new Set(sqlite.prepare("select id from events").pluck().all() as string[]);
  const integrity = sqlite.pragma("integrity_check", { simple: true });
  const rows = sqlite.prepare("select count(*) from events").pluck().get() as number;
  sqlite.close();
  const lost = [...acknowledged].filter((id) => !stored.has(id)).length;
  const strangers = [...stored].filter((id) => !sent.has(id)).length;
  const line = `round ${round}/${rounds}: ${acknowledged.size} acknowledged, ${rows} stored, lost ${lost}, duplicates ${rows - stored.size}, unknown ${strangers}, integrity ${integrity}`;
  console.log(line);
  if (lost > 0 || rows !== stored.size || strangers > 0 || integrity !== "ok") failures.push(line);
}
await server.stop();
fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
console.log(
  failures.length === 0
    ? `\nAll ${rounds} kill -9 rounds: every acknowledged event present exactly once, integrity ok (${retries} retried requests).`
    : `\nFAILED in ${failures.length} round(s):\n${failures.join("\n")}`,
);
process.exitCode = failures.length === 0 ? 0 : 1;
