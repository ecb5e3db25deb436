// A flood of new sandboxes meets the disk cap as it happens: every provisioning counts its template copy
// against SANDBOX_MAX_DISK_MB, without waiting for the periodic disk pass.
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { templateFor } from "@/lib/demos/registry";
import { installRuntime } from "@/lib/runtime/runtime";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { s, t } from "../control-plane";
import { demoSlug, newVisitor } from "./helpers";

const runtime = installRuntime({ sandboxMaxDiskMb: 1, sandboxSpares: 0 });
await migrateControlPlane();
afterAll(() => runtime.close());

describe("the disk cap on provisioning", () => {
  it("keeps the live sandboxes' starting copies within the budget, evicting the longest idle", async () => {
    const first = await provisionSandbox(await newVisitor(), demoSlug);
    const allowed = Math.floor((1024 * 1024) / fs.statSync(templateFor(demoSlug)).size);
    expect(allowed).toBeGreaterThan(1);
    const made = [];
    for (let count = 0; count < allowed + 3; count++) made.push(await provisionSandbox(await newVisitor(), demoSlug));
    const live = await s.all(s.db.select({ id: t.sandboxes.id }).from(t.sandboxes).where(eq(t.sandboxes.status, "live")));
    expect(live).toHaveLength(allowed);
    expect(live.map((row) => row.id)).not.toContain(first.id);
    expect(live.map((row) => row.id)).toContain(made.at(-1)?.id);
  });
});
