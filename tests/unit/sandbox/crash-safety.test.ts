import { spawn } from "node:child_process";
import fs from "node:fs";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeControlPlane, migrateControlPlane } from "@/db/control-plane";
import { runtime } from "@/lib/runtime/runtime";
import { findOwnedSandbox, lookupOwnedSandbox } from "@/lib/sandbox/access";
import { collectGarbage } from "@/lib/sandbox/gc";
import { closeAllSandboxes, closeSandbox, sandboxFile } from "@/lib/sandbox/handles";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { sandboxRow } from "@/lib/sandbox/retire";
import { s, t } from "../control-plane";
import { demoSlug, newVisitor } from "./helpers";

beforeAll(() => migrateControlPlane());
afterAll(async () => {
  closeAllSandboxes();
  await closeControlPlane();
});

describe("damaged or missing sandbox files", () => {
  it("retires a sandbox whose file is not a database and sends its owner on, not a stranger", async () => {
    const owner = await newVisitor();
    const sandbox = await provisionSandbox(owner, demoSlug);
    fs.writeFileSync(sandboxFile(sandbox.id), Buffer.alloc(8192, 7));
    expect(await lookupOwnedSandbox(sandbox.id, await newVisitor())).toBeUndefined();
    expect(await lookupOwnedSandbox(sandbox.id, owner)).toEqual({ state: "gone", demoSlug, reason: "corrupt" });
    expect(await sandboxRow(sandbox.id)).toMatchObject({ status: "gone", goneReason: "corrupt" });
    expect(fs.existsSync(sandboxFile(sandbox.id))).toBe(false);
    expect((await provisionSandbox(owner, demoSlug)).id).not.toBe(sandbox.id);
  });

  it("retires a sandbox whose pages were damaged on disk", async () => {
    const owner = await newVisitor();
    const sandbox = await provisionSandbox(owner, demoSlug);
    const file = sandboxFile(sandbox.id);
    const bytes = fs.readFileSync(file);
    // Keep the header (page 1) so it still opens as SQLite; scribble over every later page.
    bytes.fill(0xff, 4096);
    fs.writeFileSync(file, bytes);
    expect(await lookupOwnedSandbox(sandbox.id, owner)).toEqual({ state: "gone", demoSlug, reason: "corrupt" });
  });

  it("retires a live sandbox whose file vanished, rather than creating an empty one", async () => {
    const owner = await newVisitor();
    const sandbox = await provisionSandbox(owner, demoSlug);
    closeSandbox(sandbox.id);
    fs.rmSync(sandboxFile(sandbox.id));
    expect(await findOwnedSandbox(sandbox.id, owner)).toBeUndefined();
    expect(fs.existsSync(sandboxFile(sandbox.id))).toBe(false);
    expect(await sandboxRow(sandbox.id)).toMatchObject({ status: "gone", goneReason: "corrupt" });
  });
});

describe("a crash in the middle of provisioning", () => {
  function runAndKill(afterProvisions: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", "--import", "./scripts/server-only.mjs", "tests/unit/sandbox/fixtures/provision-loop.ts"],
        {
          env: { ...process.env },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let seen = 0;
      let errors = "";
      child.stderr.on("data", (chunk) => {
        errors += String(chunk);
      });
      child.stdout.on("data", (chunk) => {
        seen += String(chunk)
          .split("\n")
          .filter((line) => line.startsWith("provisioned")).length;
        if (seen >= afterProvisions && child.exitCode === null) child.kill("SIGKILL");
      });
      child.on("exit", (code, signal) => (signal === "SIGKILL" ? resolve(seen) : reject(new Error(`child exited ${code}: ${errors}`))));
    });
  }

  it("leaves no half-made sandbox live, and every live file passes integrity_check", async () => {
    await closeControlPlane(); // the child writes the control plane too; reopen afterwards like a restarted server
    for (const kills of [40, 25, 60]) expect(await runAndKill(kills)).toBeGreaterThanOrEqual(kills);

    const live = await s.all(s.db.select().from(t.sandboxes).where(eq(t.sandboxes.status, "live")));
    expect(live.length).toBeGreaterThanOrEqual(125);
    for (const row of live) {
      const db = new Database(sandboxFile(row.id), { readonly: true, fileMustExist: true });
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      db.close();
    }
    // Whatever the kill interrupted (a temp copy, a file whose row never came) is swept once it is stale.
    const later = new Date(Date.now() + 2 * 60_000);
    for (const name of fs.readdirSync(runtime().paths.sandboxes)) {
      const file = `${runtime().paths.sandboxes}/${name}`;
      fs.utimesSync(file, new Date(Date.now() - 2 * 60_000), new Date(Date.now() - 2 * 60_000));
    }
    await collectGarbage(later);
    const liveIds = new Set(
      (await s.all(s.db.select({ id: t.sandboxes.id }).from(t.sandboxes).where(eq(t.sandboxes.status, "live")))).map((row) => row.id),
    );
    for (const name of fs.readdirSync(runtime().paths.sandboxes)) {
      expect(name.endsWith(".tmp")).toBe(false);
      expect(liveIds.has(name.replace(/\.sqlite(-wal|-shm)?$/, ""))).toBe(true);
    }
  }, 60_000);
});
