// The throwaway PostgreSQL the test runs (and `npm run cluster`) use: real servers from Debian's binaries.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { createDatabase, dropTestRunDatabases, testDatabaseName } from "@/scripts/postgres/databases";
import { startPostgres } from "@/scripts/postgres/postgres";
import { firstPort } from "@/scripts/postgres/test-server";

const port = firstPort(process.env.TEST_POSTGRES_PORT);

function portIsFree(candidate: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(candidate, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

async function query<Row>(url: string, text: string): Promise<Row[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return (await sql.unsafe(text)) as unknown as Row[];
  } finally {
    await sql.end();
  }
}

/** A process holding a throwaway cluster (hold-cluster.ts), and where its cluster is once it has started. */
async function holdCluster(mode: "wait" | "throw"): Promise<{ child: ChildProcess; url: string; dir: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "hold-cluster.ts"), mode], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const started = await new Promise<{ url: string; dir: string }>((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout?.on("data", (chunk) => {
      out += chunk;
      if (out.includes("\n")) resolve(JSON.parse(out.split("\n")[0] ?? ""));
    });
    child.stderr?.on("data", (chunk) => {
      err += chunk;
    });
    child.once("exit", (code) => reject(new Error(`hold-cluster exited ${code} before its cluster started:\n${err}`)));
  });
  return { child, ...started };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });

describe("a throwaway PostgreSQL", () => {
  it("listens on loopback only, keeps commits durable, makes databases on demand, and leaves nothing when stopped", async () => {
    const server = await startPostgres({ port });
    const { port: serverPort, hostname } = new URL(server.url);
    expect(server.kind).toBe("throwaway");
    expect(hostname).toBe("127.0.0.1");
    const settings = await query<{ name: string; setting: string }>(
      server.url,
      "select name, setting from pg_settings where name in ('listen_addresses', 'fsync', 'synchronous_commit') order by name",
    );
    expect(settings).toEqual([
      { name: "fsync", setting: "on" },
      { name: "listen_addresses", setting: "127.0.0.1" },
      { name: "synchronous_commit", setting: "on" },
    ]);

    const app = await server.createDatabase("app");
    expect(new URL(app).pathname).toBe("/app");
    await query(app, "create table notes (body text); insert into notes values ('kept')");
    expect(await query(app, "select body from notes")).toEqual([{ body: "kept" }]);

    const dir = server.dir ?? "";
    expect(fs.existsSync(path.join(dir, "data", "postmaster.pid"))).toBe(true);
    await server.stop();
    expect(fs.existsSync(dir)).toBe(false);
    expect(await portIsFree(Number(serverPort))).toBe(true);
  }, 60_000);

  it("is stopped when its process ends on SIGTERM or an uncaught exception, and one killed outright is removed by the next start", async () => {
    for (const ending of ["SIGTERM", "throw"] as const) {
      const held = await holdCluster(ending === "throw" ? "throw" : "wait");
      if (ending === "SIGTERM") held.child.kill("SIGTERM");
      expect(await exited(held.child), ending).not.toBe(0);
      expect(fs.existsSync(held.dir), ending).toBe(false);
      expect(await portIsFree(Number(new URL(held.url).port)), ending).toBe(true);
    }

    const killed = await holdCluster("wait");
    killed.child.kill("SIGKILL");
    await exited(killed.child);
    expect(fs.existsSync(killed.dir)).toBe(true);
    const next = await startPostgres({ port });
    try {
      expect(fs.existsSync(killed.dir)).toBe(false);
    } finally {
      await next.stop();
    }
  }, 120_000);
});

describe("an existing PostgreSQL server (DATABASE_URL)", () => {
  it("gets only databases named openhouse_test_<run>_…, and loses only those when the run stops", async () => {
    const cluster = await startPostgres({ port });
    try {
      await createDatabase(cluster.url, "someone_elses");
      const existing = await startPostgres({ existingUrl: cluster.url });
      expect(existing.kind).toBe("existing");
      const made = await existing.createDatabase("worker_0");
      expect(new URL(made).pathname).toBe(`/openhouse_test_${existing.run}_worker_0`);
      await query(made, "create table t (x int)");
      const names = async () =>
        (await query<{ datname: string }>(cluster.url, "select datname from pg_database where not datistemplate order by datname")).map(
          (row) => row.datname,
        );
      expect(await names()).toEqual([`openhouse_test_${existing.run}_worker_0`, "postgres", "someone_elses"]);
      await existing.stop();
      expect(await names()).toEqual(["postgres", "someone_elses"]);

      // What a crashed test file or worker left is found by its run's prefix (run ids may start with a digit).
      await createDatabase(cluster.url, testDatabaseName("9crashed", "w0_ab12"));
      expect(await dropTestRunDatabases(cluster.url, "9crashed")).toEqual(["openhouse_test_9crashed_w0_ab12"]);
      expect(await names()).toEqual(["postgres", "someone_elses"]);
    } finally {
      await cluster.stop();
    }
  }, 60_000);
});
