// `npm run bench:signals:crash [-- --database postgres]`: kill -9 the production server at a random moment
// under load, restart it, and check that every acknowledged event is stored exactly once and the database is
// sound (SQLite's integrity_check; on PostgreSQL amcheck's check of the events' primary key). ≥ 10 rounds.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchDatabase } from "./bench-database";
import { startServer } from "./measure";
import { batchBody } from "./signals-load";

const rounds = Number(process.env.CRASH_ROUNDS || 10);
const clients = 16;
// BENCH_PORT=<n>: listen there instead (two people benching at once).
const port = Number(process.env.BENCH_PORT || 3196);
const url = `http://127.0.0.1:${port}/api/signals`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "openhouse-crash-"));
const database = await benchDatabase();
const control = await database.fresh("crash", dataDir);
const env = { ...control.env, PORT: String(port), DATA_DIR: dataDir, SIGNALS_BATCHES_PER_MINUTE: "100000000" };

/** The database's own check of what the crash may have torn. */
async function integrity(): Promise<string> {
  if (database.kind === "sqlite")
    return String((await control.query<{ integrity_check: string }>("pragma integrity_check"))[0]?.integrity_check);
  await control.query("create extension if not exists amcheck");
  await control.query("select bt_index_check('events_pkey', true)");
  return "ok";
}

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

  const stored = new Set((await control.query<{ id: string }>("select id from events")).map((row) => row.id));
  const rows = Number((await control.query<{ n: number | string }>("select count(*) as n from events"))[0]?.n);
  const sound = await integrity();
  const lost = [...acknowledged].filter((id) => !stored.has(id)).length;
  const strangers = [...stored].filter((id) => !sent.has(id)).length;
  const line = `round ${round}/${rounds}: ${acknowledged.size} acknowledged, ${rows} stored, lost ${lost}, duplicates ${rows - stored.size}, unknown ${strangers}, integrity ${sound}`;
  console.log(line);
  if (lost > 0 || rows !== stored.size || strangers > 0 || sound !== "ok") failures.push(line);
}
await server.stop();
await control.close();
await database.stop();
fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
console.log(
  failures.length === 0
    ? `\nAll ${rounds} kill -9 rounds on ${database.label}: every acknowledged event present exactly once, integrity ok (${retries} retried requests).`
    : `\nFAILED in ${failures.length} round(s):\n${failures.join("\n")}`,
);
process.exitCode = failures.length === 0 ? 0 : 1;
