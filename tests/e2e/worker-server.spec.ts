// The suite's own plumbing (fixtures.ts): each worker's server is `npm start` on the worker's port, with the
// worker's data directory and — when the run is on PostgreSQL — the worker's own database in DATABASE_URL, which
// exists on the run's server. On SQLite nothing points the server at a database server.
import fs from "node:fs";
import postgres from "postgres";
import { expect, test } from "./fixtures";
import { serverPid } from "./server-process";
import { basePort } from "./worker-server";

/** The environment the server process was started with, as the kernel keeps it. */
function environmentOf(pid: string): Map<string, string> {
  const entries = fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").filter(Boolean);
  return new Map(entries.map((entry) => [entry.slice(0, entry.indexOf("=")), entry.slice(entry.indexOf("=") + 1)]));
}

test("each worker's server has its own port, data directory and, on PostgreSQL, its own database", async ({ server, request }, info) => {
  expect(server.port).toBe(basePort + 2 * info.parallelIndex);
  expect((await request.get("/")).status()).toBe(200);
  const environment = environmentOf(serverPid(server.port));
  expect(environment.get("DATA_DIR")).toBe(server.dataDir);
  expect(environment.get("DEMOS_DIR")).toBe(server.demosDir);
  expect(environment.has("TEST_POSTGRES_URL")).toBe(false);

  const runServer = process.env.TEST_POSTGRES_URL;
  if (!runServer) {
    expect(server.databaseUrl).toBeUndefined();
    expect(environment.has("DATABASE_URL")).toBe(false);
    return;
  }
  expect(environment.get("DATABASE_URL")).toBe(server.databaseUrl);
  const url = new URL(server.databaseUrl ?? "");
  expect(url.host).toBe(new URL(runServer).host);
  expect(url.pathname).toMatch(new RegExp(`^/openhouse_test_${process.env.OPENHOUSE_TEST_RUN}_w${info.parallelIndex}_[a-z0-9]{4}$`));
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    expect(await sql`select current_database() as name`).toEqual([{ name: url.pathname.slice(1) }]);
  } finally {
    await sql.end();
  }
});
