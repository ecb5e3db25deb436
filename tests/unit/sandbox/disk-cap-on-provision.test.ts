// A flood of new sandboxes meets the disk cap as it happens: every provisioning counts its template copy
// against SANDBOX_MAX_DISK_MB, without waiting for the periodic disk pass.
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";

process.env.SANDBOX_MAX_DISK_MB = "1"; // read when lib/config is first imported, below
process.env.SANDBOX_SPARES = "0";
const { closeControlDb, controlDb, migrateControlDb } = await import("@/db/client");
const { sandboxes } = await import("@/db/control/schema");
const { eq } = await import("drizzle-orm");
const { templateFor } = await import("@/lib/demos/registry");
const { closeAllSandboxes } = await import("@/lib/sandbox/handles");
const { provisionSandbox } = await import("@/lib/sandbox/provision");
const { demoSlug, newVisitor } = await import("./helpers");

migrateControlDb();
afterAll(() => {
  closeAllSandboxes();
  closeControlDb();
});

describe("the disk cap on provisioning", () => {
  it("keeps the live sandboxes' starting copies within the budget, evicting the longest idle", () => {
    const first = provisionSandbox(newVisitor(), demoSlug);
    const allowed = Math.floor((1024 * 1024) / fs.statSync(templateFor(demoSlug)).size);
    expect(allowed).toBeGreaterThan(1);
    const made = Array.from({ length: allowed + 3 }, () => provisionSandbox(newVisitor(), demoSlug));
    const live = controlDb().select({ id: sandboxes.id }).from(sandboxes).where(eq(sandboxes.status, "live")).all();
    expect(live).toHaveLength(allowed);
    expect(live.map((row) => row.id)).not.toContain(first.id);
    expect(live.map((row) => row.id)).toContain(made.at(-1)?.id);
  });
});
