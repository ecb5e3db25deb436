// Looking over a prospect's shoulder: their copy as it is now, through a connection that cannot write, every
// opening logged, and never for a visitor who asked not to be tracked.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlDb, migrateControlDb } from "@/db/client";
import { visitors } from "@/db/control/schema";
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
import { newVisitor } from "../sandbox/helpers";

const runtime = installRuntime({ sandboxSpares: 0 });
beforeAll(async () => {
  migrateControlDb();
  registerDemos();
  const added = await addTeamMember({ email: "rep@example.com", password: "correct horse battery", name: "Riley Rep" });
  viewer = { ...added, emailVerified: true, image: null, updatedAt: added.createdAt };
});
afterAll(() => runtime.close());

let viewer: TeamSession["user"];

describe("the shoulder view", () => {
  it("shows the prospect's deal as it is now and logs who looked", () => {
    const visitorId = newVisitor();
    const sandbox = provisionSandbox(visitorId, "pipeline-basics");
    const prospect = openSandbox(sandbox.id);
    const companyId = listCompanies(prospect)[0]?.id ?? 0;
    createDeal(prospect, { title: "Globex renewal", companyId, amount: 40_000, stage: "qualified" });
    const view = openShoulderView(visitorId, viewer);
    if (view.kind !== "open") throw new Error(`expected the view, got ${view.kind}`);
    expect(view.board.columns.flatMap((column) => column.deals.map((deal) => deal.title))).toContain("Globex renewal");
    expect(view.log).toEqual([{ viewerName: "Riley Rep", openedAt: expect.any(Date) }]);
    openShoulderView(visitorId, viewer);
    const again = openShoulderView(visitorId, viewer);
    expect(again.kind === "open" && again.log.length).toBe(3);
  });

  it("names whoever looked by their name now, and keeps the name a removed member had", async () => {
    const visitorId = newVisitor();
    provisionSandbox(visitorId, "pipeline-basics");
    const added = await addTeamMember({ email: "sam@example.com", password: "correct horse battery", name: "Sam Rep" });
    const sam = { ...added, emailVerified: true, image: null, updatedAt: added.createdAt };
    openShoulderView(visitorId, sam);
    // What a session hands in is the name when the session began, not what the log should say.
    openShoulderView(visitorId, { ...viewer, name: "Ada Admin" });
    renameTeamMember(viewer.id, "Riley Rivera");
    const names = () =>
      shoulderViewLog(visitorId)
        .map((entry) => entry.viewerName)
        .sort();
    expect(names()).toEqual(["Riley Rivera", "Sam Rep"]);
    removeTeamMemberById(sam.id);
    expect(names()).toEqual(["Riley Rivera", "Sam Rep"]);
    renameTeamMember(viewer.id, "Riley Rep");
  });

  it("reads through a connection on which every write fails", () => {
    const sandbox = provisionSandbox(newVisitor(), "pipeline-basics");
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

  it("never shows the copy of a visitor who sent GPC or Do-Not-Track, and knows no made-up visitor", () => {
    const visitorId = newVisitor();
    provisionSandbox(visitorId, "pipeline-basics");
    controlDb().update(visitors).set({ doNotTrack: true }).where(eq(visitors.id, visitorId)).run();
    expect(openShoulderView(visitorId, viewer)).toEqual({ kind: "private" });
    expect(openShoulderView("A".repeat(22), viewer)).toEqual({ kind: "not-found" });
    expect(openShoulderView("../etc/passwd", viewer)).toEqual({ kind: "not-found" });
  });
});
