import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { liveSandboxIds } from "@/db/queries/sandboxes";
import { runtime } from "@/lib/runtime/runtime";
import { findOwnedSandbox, lookupOwnedSandbox } from "@/lib/sandbox/access";
import { enforceLiveCap, evictIfOverCap, liveCapFor } from "@/lib/sandbox/eviction";
import { collectGarbage } from "@/lib/sandbox/gc";
import { closeAllSandboxes, openHandleCount, sandboxFile } from "@/lib/sandbox/handles";
import { newId } from "@/lib/sandbox/ids";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { sandboxRow } from "@/lib/sandbox/retire";
import { s, t } from "../control-plane";
import { demoSlug, exists, newVisitor } from "./helpers";

const day = 86_400_000;

beforeAll(() => migrateControlPlane());
afterAll(async () => {
  closeAllSandboxes();
  await runtime().close();
});

async function idleFor(sandboxId: string, days: number, now = Date.now()): Promise<void> {
  await s.run(
    s.db
      .update(t.sandboxes)
      .set({ lastActiveAt: new Date(now - days * day) })
      .where(eq(t.sandboxes.id, sandboxId)),
  );
}

function ageFile(file: string, ms: number): void {
  const then = new Date(Date.now() - ms);
  fs.utimesSync(file, then, then);
}

describe("garbage collection", () => {
  it("expires sandboxes idle past the TTL, removing their files and WAL, and keeps active ones", async () => {
    expect(runtime().config.sandboxTtlDays).toBe(7);
    const owner = await newVisitor();
    const idle = await provisionSandbox(owner, demoSlug);
    const active = await provisionSandbox(await newVisitor(), demoSlug);
    await findOwnedSandbox(idle.id, owner); // an open handle creates -wal and -shm beside the file
    expect(exists(`${sandboxFile(idle.id)}-wal`)).toBe(true);
    await idleFor(idle.id, 8);
    await idleFor(active.id, 6);

    const report = await collectGarbage(new Date());
    expect(report.expired).toBe(1);
    for (const suffix of ["", "-wal", "-shm"]) expect(exists(`${sandboxFile(idle.id)}${suffix}`)).toBe(false);
    expect(await sandboxRow(idle.id)).toMatchObject({ status: "gone", goneReason: "expired" });
    expect(exists(sandboxFile(active.id))).toBe(true);
    expect((await sandboxRow(active.id))?.status).toBe("live");
    expect(openHandleCount()).toBe(0);
  });

  it("keeps a sandbox its owner keeps using, even without coming back through /try", async () => {
    const visitor = await newVisitor();
    const sandbox = await provisionSandbox(visitor, demoSlug);
    await idleFor(sandbox.id, runtime().config.sandboxTtlDays - 1);
    // A day later they open a bookmarked page of their sandbox: that is activity.
    expect(await findOwnedSandbox(sandbox.id, visitor)).toBeDefined();
    await collectGarbage(new Date(Date.now() + 2 * day));
    expect((await sandboxRow(sandbox.id))?.status).toBe("live");
    expect(exists(sandboxFile(sandbox.id))).toBe(true);
  });

  it("tells the owner of an expired sandbox it expired, and a stranger nothing", async () => {
    const owner = await newVisitor();
    const sandbox = await provisionSandbox(owner, demoSlug);
    await idleFor(sandbox.id, 30);
    await collectGarbage(new Date());
    expect(await lookupOwnedSandbox(sandbox.id, owner)).toEqual({ state: "gone", demoSlug, reason: "expired" });
    expect(await lookupOwnedSandbox(sandbox.id, await newVisitor())).toBeUndefined();
    const fresh = await provisionSandbox(owner, demoSlug);
    expect(fresh.id).not.toBe(sandbox.id);
    expect(await findOwnedSandbox(fresh.id, owner)).toBeDefined();
  });

  it("deletes gone rows 30 days after they went, however long they had been idle", async () => {
    const sandbox = await provisionSandbox(await newVisitor(), demoSlug);
    await idleFor(sandbox.id, 45);
    await collectGarbage(new Date());
    expect((await sandboxRow(sandbox.id))?.status).toBe("gone");
    await collectGarbage(new Date(Date.now() + 29 * day));
    expect(await sandboxRow(sandbox.id)).toBeDefined();
    await collectGarbage(new Date(Date.now() + 31 * day));
    expect(await sandboxRow(sandbox.id)).toBeUndefined();
  });

  it("removes temp files older than a minute and orphan sandbox files, but not fresh ones", async () => {
    fs.mkdirSync(runtime().paths.sandboxes, { recursive: true });
    const oldTemp = path.join(runtime().paths.sandboxes, `${newId()}.sqlite.123.abcd.tmp`);
    const newTemp = path.join(runtime().paths.sandboxes, `${newId()}.sqlite.456.ef01.tmp`);
    const orphan = sandboxFile(newId());
    for (const file of [oldTemp, newTemp, orphan]) fs.writeFileSync(file, "half a copy");
    ageFile(oldTemp, 2 * 60_000);
    ageFile(orphan, 2 * 60_000);
    const live = await provisionSandbox(await newVisitor(), demoSlug);
    ageFile(sandboxFile(live.id), 10 * 60_000);

    const report = await collectGarbage(new Date());
    expect(report.strayFilesRemoved).toBe(2);
    expect(exists(oldTemp)).toBe(false);
    expect(exists(orphan)).toBe(false);
    expect(exists(newTemp)).toBe(true);
    expect(exists(sandboxFile(live.id))).toBe(true);
  });
});

describe("global caps", () => {
  const liveIds = () => liveSandboxIds();

  it("evicts the longest-idle sandboxes first when too many are live", async () => {
    for (const id of await liveIds()) await idleFor(id, 100);
    await collectGarbage(new Date());
    const made = [];
    for (let count = 0; count < 5; count++) made.push(await provisionSandbox(await newVisitor(), demoSlug));
    // made[0] is the longest idle
    for (const [index, sandbox] of made.entries()) await idleFor(sandbox.id, 5 - index);
    const { evicted } = await evictIfOverCap({ maxLive: 3 });
    expect(evicted.sort()).toEqual([made[0]?.id, made[1]?.id].sort());
    expect(await sandboxRow(made[0]?.id ?? "")).toMatchObject({ status: "gone", goneReason: "evicted" });
    expect(exists(sandboxFile(made[0]?.id ?? ""))).toBe(false);
    expect((await liveIds()).sort()).toEqual([made[2]?.id, made[3]?.id, made[4]?.id].sort());
  });

  it("never evicts the sandbox it just made when the count cap is hit on provisioning", async () => {
    const newest = await provisionSandbox(await newVisitor(), demoSlug);
    await idleFor(newest.id, 50); // even if it looked the oldest
    const evicted = await enforceLiveCap(newest.id, 1);
    expect(evicted).not.toContain(newest.id);
    expect(await liveIds()).toEqual([newest.id]);
  });

  it("evicts the longest-idle sandboxes when their files use more disk than allowed", async () => {
    const a = await provisionSandbox(await newVisitor(), demoSlug);
    const b = await provisionSandbox(await newVisitor(), demoSlug);
    const c = await provisionSandbox(await newVisitor(), demoSlug);
    await idleFor(a.id, 3);
    await idleFor(b.id, 2);
    await idleFor(c.id, 1);
    const perFile = fs.statSync(sandboxFile(c.id)).size;
    const before = (await liveIds()).filter((id) => ![a.id, b.id, c.id].includes(id));
    const { evicted } = await evictIfOverCap({ maxLive: 100, maxDiskBytes: perFile * 2 + 10 });
    expect(evicted).toEqual(expect.arrayContaining([a.id, ...before]));
    expect((await liveIds()).sort()).toEqual([b.id, c.id].sort());
  });

  it("counts each new sandbox's copy against the disk budget as it is made, not only in the next pass", async () => {
    const a = await provisionSandbox(await newVisitor(), demoSlug);
    const b = await provisionSandbox(await newVisitor(), demoSlug);
    await idleFor(a.id, 2);
    await idleFor(b.id, 1);
    const perFile = fs.statSync(sandboxFile(b.id)).size;
    const cap = liveCapFor(perFile, { maxLive: 100, maxDiskBytes: perFile * 2 + 10 });
    expect(cap).toBe(2);
    expect(liveCapFor(perFile, { maxLive: 100, maxDiskBytes: 1 })).toBe(1); // the visitor in front of us still gets one
    expect(liveCapFor(perFile, { maxLive: 3, maxDiskBytes: perFile * 1000 })).toBe(3);
    const newest = await provisionSandbox(await newVisitor(), demoSlug);
    const evicted = await enforceLiveCap(newest.id, cap);
    expect(evicted).toContain(a.id);
    expect(await liveIds()).toContain(newest.id);
    expect(await liveIds()).toHaveLength(2);
  });
});
