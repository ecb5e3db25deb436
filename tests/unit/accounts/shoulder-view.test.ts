// Looking over a prospect's shoulder: their copy as it is now, through a connection that cannot write, every
// opening logged, and never for a visitor who asked not to be tracked.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { deals } from "@/db/sandbox/schema";
import { addTeamMember, removeTeamMemberById, renameTeamMember } from "@/lib/auth/team";
import type { TeamSession } from "@/lib/auth/team-session";
import { registerDemos } from "@/lib/demos/registry";
import { createDeal, listCompanies } from "@/lib/pipeline/pipeline";
import { installRuntime } from "@/lib/runtime/runtime";
import { openSandbox } from "@/lib/sandbox/handles";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { openReadOnlySandbox } from "@/lib/shoulder-view/read-only-sandbox";
import { openShoulderView, shoulderViewLog } from "@/lib/shoulder-view/shoulder-view";
import { s, t } from "../control-plane";
import { newVisitor } from "../sandbox/helpers";

const runtime = installRuntime({ sandboxSpares: 0 });
beforeAll(async () => {
  await migrateControlPlane();
  await registerDemos();
  const added = await addTeamMember({ email: "rep@example.com", password: "correct horse battery", name: "Riley Rep" });
  viewer = { ...added, emailVerified: true, image: null, updatedAt: added.createdAt };
});
afterAll(() => runtime.close());

let viewer: TeamSession["user"];

describe("the shoulder view", () => {
  it("shows the prospect's deal as it is now and logs who looked", async () => {
    const visitorId = await newVisitor();
    const sandbox = await provisionSandbox(visitorId, "pipeline-basics");
    const prospect = openSandbox(sandbox.id);
    const companyId = listCompanies(prospect)[0]?.id ?? 0;
    createDeal(prospect, { title: "Globex renewal", companyId, amount: 40_000, stage: "qualified" });
    const view = await openShoulderView(visitorId, viewer);
    if (view.kind !== "open") throw new Error(`expected the view, got ${view.kind}`);
    expect(view.board.columns.flatMap((column) => column.deals.map((deal) => deal.title))).toContain("Globex renewal");
    expect(view.log).toEqual([{ viewerName: "Riley Rep", openedAt: expect.any(Date) }]);
    await openShoulderView(visitorId, viewer);
    const again = await openShoulderView(visitorId, viewer);
    expect(again.kind === "open" && again.log.length).toBe(3);
  });

  it("names whoever looked by their name now, and keeps the name a removed member had", async () => {
    const visitorId = await newVisitor();
    await provisionSandbox(visitorId, "pipeline-basics");
    const added = await addTeamMember({ email: "sam@example.com", password: "correct horse battery", name: "Sam Rep" });
    const sam = { ...added, emailVerified: true, image: null, updatedAt: added.createdAt };
    await openShoulderView(visitorId, sam);
    // What a session hands in is the name when the session began, not what the log should say.
    await openShoulderView(visitorId, { ...viewer, name: "Ada Admin" });
    await renameTeamMember(viewer.id, "Riley Rivera");
    const names = async () => (await shoulderViewLog(visitorId)).map((entry) => entry.viewerName).sort();
    expect(await names()).toEqual(["Riley Rivera", "Sam Rep"]);
    await removeTeamMemberById(sam.id);
    expect(await names()).toEqual(["Riley Rivera", "Sam Rep"]);
    await renameTeamMember(viewer.id, "Riley Rep");
  });

  it("reads through a connection on which every write fails", async () => {
    const sandbox = await provisionSandbox(await newVisitor(), "pipeline-basics");
    const before = openSandbox(sandbox.id).select().from(deals).all().length;
    const readOnly = openReadOnlySandbox(sandbox.id);
    if (!readOnly) throw new Error("no file");
    try {
      expect(() => readOnly.db.delete(deals).run()).toThrow(/readonly|read-only|query_only/i);
      expect(() => readOnly.db.$client.exec("create table evil (x)")).toThrow();
      expect(() => readOnly.db.$client.pragma("query_only = OFF")).not.toThrow();
      // Even with query_only switched off, the file itself was opened read-only.
      expect(() => readOnly.db.delete(deals).run()).toThrow(/readonly/i);
    } finally {
      readOnly.close();
    }
    expect(openSandbox(sandbox.id).select().from(deals).all().length).toBe(before);
  });

  it("never shows the copy of a visitor who sent GPC or Do-Not-Track, and knows no made-up visitor", async () => {
    const visitorId = await newVisitor();
    await provisionSandbox(visitorId, "pipeline-basics");
    await s.run(s.db.update(t.visitors).set({ doNotTrack: true }).where(eq(t.visitors.id, visitorId)));
    expect(await openShoulderView(visitorId, viewer)).toEqual({ kind: "private" });
    expect(await openShoulderView("A".repeat(22), viewer)).toEqual({ kind: "not-found" });
    expect(await openShoulderView("../etc/passwd", viewer)).toEqual({ kind: "not-found" });
  });
});
