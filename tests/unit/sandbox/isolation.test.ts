import { beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { createDeal, loadBoard } from "@/lib/pipeline/pipeline";
import { findOwnedSandbox } from "@/lib/sandbox/access";
import { newId } from "@/lib/sandbox/ids";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { signVisitorId, verifyVisitorCookie } from "@/lib/visitors/visitor-cookie";
import { touchVisitor } from "@/lib/visitors/visitor-record";

beforeAll(() => migrateControlPlane());

async function newVisitor(): Promise<string> {
  const id = newId();
  await touchVisitor(id);
  return id;
}

describe("sandboxes", () => {
  it("gives each visitor a sandbox the others cannot see", async () => {
    const alice = await newVisitor();
    const bob = await newVisitor();
    const aliceSandbox = await provisionSandbox(alice, "pipeline-basics");
    const bobSandbox = await provisionSandbox(bob, "pipeline-basics");
    expect(aliceSandbox.id).not.toBe(bobSandbox.id);

    const aliceDb = (await findOwnedSandbox(aliceSandbox.id, alice))?.db;
    const bobDb = (await findOwnedSandbox(bobSandbox.id, bob))?.db;
    if (!aliceDb || !bobDb) throw new Error("owners must find their sandboxes");
    const before = loadBoard(bobDb).dealCount;
    createDeal(aliceDb, { title: "Alice's secret deal", companyId: 1, amount: 1234, stage: "lead" });

    expect(loadBoard(aliceDb).dealCount).toBe(before + 1);
    expect(loadBoard(bobDb).dealCount).toBe(before);
    const bobTitles = loadBoard(bobDb).columns.flatMap((column) => column.deals.map((deal) => deal.title));
    expect(bobTitles).not.toContain("Alice's secret deal");
  });

  it("treats someone else's, guessed, forged and path-like ids as not found", async () => {
    const alice = await newVisitor();
    const mallory = await newVisitor();
    const sandbox = await provisionSandbox(alice, "pipeline-basics");
    expect(await findOwnedSandbox(sandbox.id, mallory)).toBeUndefined();
    expect(await findOwnedSandbox(newId(), alice)).toBeUndefined();
    expect(await findOwnedSandbox("../control", alice)).toBeUndefined();
    expect(await findOwnedSandbox(`${sandbox.id}/../x`, alice)).toBeUndefined();
    expect(await findOwnedSandbox(sandbox.id, undefined)).toBeUndefined();
  });

  it("resumes the same sandbox, with the visitor's work, when they come back", async () => {
    const visitor = await newVisitor();
    const first = await provisionSandbox(visitor, "pipeline-basics");
    const db = (await findOwnedSandbox(first.id, visitor))?.db;
    if (!db) throw new Error("owner must find the sandbox");
    createDeal(db, { title: "Come back to me", companyId: 2, amount: 10, stage: "qualified" });
    const again = await provisionSandbox(visitor, "pipeline-basics");
    expect(again.id).toBe(first.id);
    const titles = loadBoard(db).columns.flatMap((column) => column.deals.map((deal) => deal.title));
    expect(titles).toContain("Come back to me");
  });

  it("accepts only cookies it signed", () => {
    const visitor = newId();
    const cookie = signVisitorId(visitor);
    expect(verifyVisitorCookie(cookie)).toBe(visitor);
    expect(verifyVisitorCookie(`${newId()}.${cookie.split(".")[1]}`)).toBeUndefined();
    expect(verifyVisitorCookie(`${visitor}.AAAA`)).toBeUndefined();
    expect(verifyVisitorCookie(visitor)).toBeUndefined();
    expect(verifyVisitorCookie(`${cookie}.extra`)).toBeUndefined();
  });
});
