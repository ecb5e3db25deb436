import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { createDeal, loadBoard } from "@/lib/pipeline/pipeline";
import { findOwnedSandbox } from "@/lib/sandbox/access";
import { workspaceFor } from "@/lib/sandbox/personalization";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { resetSandbox } from "@/lib/sandbox/reset";
import { sandboxRow } from "@/lib/sandbox/retire";
import { demoSlug, newVisitor } from "./helpers";
import { runtimeWithTwoDemos, secondDemo } from "./two-demos";

const runtime = runtimeWithTwoDemos();
beforeAll(() => migrateControlPlane());
afterAll(() => runtime.close());

function titles(board: ReturnType<typeof loadBoard>): string[] {
  return board.columns.flatMap((column) => column.deals.map((deal) => deal.title)).sort();
}

describe("reset demo", () => {
  it("restores the template's board under the same sandbox id and keeps the personalization", async () => {
    const visitor = await newVisitor();
    const sandbox = await provisionSandbox(visitor, demoSlug, { personalization: { company: "Globex" } });
    const before = await findOwnedSandbox(sandbox.id, visitor);
    if (!before) throw new Error("owner must find the sandbox");
    const original = loadBoard(before.db);
    createDeal(before.db, { title: "Scribbled over", companyId: 1, amount: 99, stage: "lead" });
    expect(loadBoard(before.db).dealCount).toBe(original.dealCount + 1);

    const row = await sandboxRow(sandbox.id);
    if (!row) throw new Error("row must exist");
    await resetSandbox(row);

    const after = await findOwnedSandbox(sandbox.id, visitor);
    if (!after) throw new Error("the reset sandbox must still be the visitor's");
    expect(after.db).not.toBe(before.db); // the old handle was closed, not reused over a replaced file
    expect(loadBoard(after.db).dealCount).toBe(original.dealCount);
    expect(titles(loadBoard(after.db))).toEqual(titles(original));
    expect(workspaceFor(after.sandbox, after.db)).toBe("Globex");
    expect((await sandboxRow(sandbox.id))?.status).toBe("live");
    expect((await provisionSandbox(visitor, demoSlug)).id).toBe(sandbox.id);
  });

  it("lets a visitor hold sandboxes for several demos, and resetting one leaves the other alone", async () => {
    const visitor = await newVisitor();
    const basics = await provisionSandbox(visitor, demoSlug);
    const second = await provisionSandbox(visitor, secondDemo);
    expect(second.id).not.toBe(basics.id);
    const basicsDb = (await findOwnedSandbox(basics.id, visitor))?.db;
    const secondDb = (await findOwnedSandbox(second.id, visitor))?.db;
    if (!basicsDb || !secondDb) throw new Error("owner must find both sandboxes");
    createDeal(basicsDb, { title: "Kept in basics", companyId: 1, amount: 5, stage: "lead" });
    createDeal(secondDb, { title: "Wiped in second", companyId: 1, amount: 5, stage: "lead" });

    const row = await sandboxRow(second.id);
    if (!row) throw new Error("row must exist");
    await resetSandbox(row);

    expect((await provisionSandbox(visitor, demoSlug)).id).toBe(basics.id);
    expect((await provisionSandbox(visitor, secondDemo)).id).toBe(second.id);
    expect(titles(loadBoard(basicsDb))).toContain("Kept in basics");
    const secondAfter = (await findOwnedSandbox(second.id, visitor))?.db;
    if (!secondAfter) throw new Error("owner must find the reset sandbox");
    expect(titles(loadBoard(secondAfter))).not.toContain("Wiped in second");
  });
});
