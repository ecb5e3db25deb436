import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeControlPlane, migrateControlPlane } from "@/db/control-plane";
import { createDeal } from "@/lib/pipeline/pipeline";
import { runtime } from "@/lib/runtime/runtime";
import { findOwnedSandbox } from "@/lib/sandbox/access";
import { closeAllSandboxes } from "@/lib/sandbox/handles";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { sandboxFullMessage, writeWithinQuota } from "@/lib/sandbox/storage-full";
import { demoSlug, newVisitor } from "./helpers";

beforeAll(() => migrateControlPlane());
afterAll(async () => {
  closeAllSandboxes();
  await closeControlPlane();
});

describe("per-sandbox page cap", () => {
  it("caps every opened sandbox, and a full one answers with a message instead of throwing", async () => {
    const visitor = await newVisitor();
    const sandbox = await provisionSandbox(visitor, demoSlug);
    const owned = await findOwnedSandbox(sandbox.id, visitor);
    if (!owned) throw new Error("owner must find the sandbox");
    const sqlite = owned.db.$client;
    expect(sqlite.pragma("max_page_count", { simple: true })).toBe(runtime().config.sandboxMaxPages);

    // Shrink the cap to just above the current size so the test fills it in a few hundred writes.
    const pages = Number(sqlite.pragma("page_count", { simple: true }));
    sqlite.pragma(`max_page_count = ${pages + 2}`);
    let result: ReturnType<typeof createDeal> | { error: string } = 0;
    for (let index = 0; index < 5_000 && typeof result === "number"; index++) {
      result = writeWithinQuota(() =>
        createDeal(owned.db, { title: `Deal ${index} ${"x".repeat(80)}`, companyId: 1, amount: index, stage: "lead" }),
      );
    }
    expect(result).toEqual({ error: sandboxFullMessage });
    // Reads still work after a refused write.
    expect(Number(sqlite.prepare("select count(*) as n from deals").pluck().get())).toBeGreaterThan(0);
  });

  it("rethrows anything that is not a full sandbox", () => {
    expect(() =>
      writeWithinQuota(() => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
  });
});
