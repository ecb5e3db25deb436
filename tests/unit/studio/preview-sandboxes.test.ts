// A studio preview's sandbox: a real copy of the demo's template that only its member can open, that records
// nothing anywhere a rep looks, and that the sandbox GC collects once idle.
import fs from "node:fs";
import { count, eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeControlPlane, migrateControlPlane } from "@/db/control-plane";
import { deals } from "@/db/sandbox/schema";
import { registerDemos } from "@/lib/demos/registry";
import { newDealInput } from "@/lib/pipeline/deal-input";
import { sandboxActionsOn } from "@/lib/pipeline/form-action";
import { createDeal } from "@/lib/pipeline/pipeline";
import { createDealWrite } from "@/lib/pipeline/recorded-writes";
import { findOwnedSandbox, type OwnedSandbox } from "@/lib/sandbox/access";
import { collectGarbage } from "@/lib/sandbox/gc";
import { closeAllSandboxes, openSandbox, sandboxFile } from "@/lib/sandbox/handles";
import { newId } from "@/lib/sandbox/ids";
import { handleSignals } from "@/lib/signals/handle-signals";
import {
  findMemberPreview,
  isPreviewSandbox,
  openMemberPreview,
  openPreview,
  previewIdleHours,
  restartPreview,
} from "@/lib/studio/preview/preview-sandboxes";
import { s, t } from "../control-plane";
import { newVisitor } from "../sandbox/helpers";

const slug = "pipeline-basics";

async function newMember(): Promise<string> {
  const id = newId();
  const now = new Date();
  await s.run(
    s.db.insert(t.user).values({ id, name: "Morgan", email: `${id}@openhouse.test`, role: "marketer", createdAt: now, updatedAt: now }),
  );
  return id;
}

const eventCount = async () => (await s.one(s.db.select({ n: count() }).from(t.events)))?.n ?? 0;

beforeAll(async () => {
  await migrateControlPlane();
  await registerDemos();
});
afterAll(async () => {
  closeAllSandboxes();
  await closeControlPlane();
});

describe("studio preview sandboxes", () => {
  it("copies the demo's template like a prospect's, with no visitor and no prospect sandbox row", async () => {
    const visitorsBefore = (await s.one(s.db.select({ n: count() }).from(t.visitors)))?.n;
    const preview = await openPreview(await newMember(), slug);
    expect(fs.existsSync(sandboxFile(preview.id))).toBe(true);
    expect(openSandbox(preview.id).select().from(deals).all().length).toBeGreaterThan(0);
    expect(await s.one(s.db.select().from(t.sandboxes).where(eq(t.sandboxes.id, preview.id)))).toBeUndefined();
    expect((await s.one(s.db.select({ n: count() }).from(t.visitors)))?.n).toBe(visitorsBefore);
  });

  it("reopens the member's preview of the demo rather than making another", async () => {
    const member = await newMember();
    expect((await openPreview(member, slug)).id).toBe((await openPreview(member, slug)).id);
  });

  it("opens only for its member: another member or any visitor finds nothing", async () => {
    const member = await newMember();
    const preview = await openPreview(member, slug);
    expect((await openMemberPreview(preview.id, member))?.preview.id).toBe(preview.id);
    expect(await findMemberPreview(preview.id, await newMember())).toBeUndefined();
    expect(await findMemberPreview(preview.id, undefined)).toBeUndefined();
    expect(await findOwnedSandbox(preview.id, await newVisitor())).toBeUndefined();
    expect(await isPreviewSandbox(preview.id)).toBe(true);
    expect(await isPreviewSandbox("../../etc/passwd")).toBe(false);
  });

  it("records no event for a product write in a preview", async () => {
    const member = await newMember();
    const preview = await openPreview(member, slug);
    const host = {
      ownSandbox: async (id: unknown): Promise<OwnedSandbox> => {
        const owned = await openMemberPreview(id, member);
        return owned ? { kind: "preview", sandbox: owned.preview, db: owned.db } : notFound();
      },
      revalidateLayout: () => {},
    };
    const createDeal = sandboxActionsOn(host).sandboxFormAction(newDealInput, createDealWrite);
    const form = new FormData();
    for (const [name, value] of Object.entries({
      title: "Preview deal",
      companyId: "1",
      amount: "1200",
      stage: "lead",
      closeDate: "2030-01-31",
    })) {
      form.set(name, value);
    }
    const before = await eventCount();
    const answer = await createDeal(preview.id, undefined, form);
    expect(answer.error).toBeUndefined();
    expect(answer.action?.kind).toBe("deal.created");
    expect(openSandbox(preview.id).select().from(deals).where(eq(deals.title, "Preview deal")).get()).toBeDefined();
    expect(await eventCount()).toBe(before);
  });

  it("drops the tour's signals from a preview unread, and still stores a prospect's", async () => {
    const preview = await openPreview(await newMember(), slug);
    async function* chunks(text: string) {
      yield new TextEncoder().encode(text);
    }
    const batch = (sandbox: string) => ({
      contentType: "application/json",
      contentLength: undefined,
      chunks: chunks(
        JSON.stringify({ sandbox, events: [{ id: uuidv7(), type: "step.viewed", at: Date.now(), demo: slug, step: "welcome" }] }),
      ),
      visitorCookie: undefined,
      noTracking: false,
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36",
      clientAddress: "2001:db8:5::1",
    });
    const before = await eventCount();
    const dropped = await handleSignals(batch(preview.id));
    expect(dropped).toMatchObject({ status: 202, body: { stored: 0 } });
    expect(await eventCount()).toBe(before);
    const stored = await handleSignals(batch(newId()));
    expect(stored.status).toBe(202);
    expect(await eventCount()).toBe(before + 1);
  });

  it("resets to the template under the same id, keeping persona and locale", async () => {
    const member = await newMember();
    const preview = await openPreview(member, slug);
    await s.run(
      s.db
        .update(t.previewSandboxes)
        .set({ personalization: { persona: "leader" }, locale: "de" })
        .where(eq(t.previewSandboxes.id, preview.id)),
    );
    const fresh = openSandbox(preview.id).select().from(deals).all().length;
    createDeal(openSandbox(preview.id), { title: "Gone after reset", companyId: 1, amount: 5, stage: "lead" });
    expect(openSandbox(preview.id).select().from(deals).all().length).toBe(fresh + 1);
    const reset = await restartPreview({ ...preview, personalization: { persona: "leader" }, locale: "de" });
    expect(reset.id).toBe(preview.id);
    expect(reset).toMatchObject({ personalization: { persona: "leader" }, locale: "de" });
    expect(openSandbox(preview.id).select().from(deals).all().length).toBe(fresh);
  });

  it("is collected by the sandbox GC once idle, and kept (file and all) while in use", async () => {
    const idle = await openPreview(await newMember(), slug);
    const active = await openPreview(await newMember(), slug);
    const hour = 3_600_000;
    await s.run(
      s.db
        .update(t.previewSandboxes)
        .set({ lastActiveAt: new Date(Date.now() - (previewIdleHours + 1) * hour) })
        .where(eq(t.previewSandboxes.id, idle.id)),
    );
    // Old enough for the orphan sweep to take it, were it not known as a preview.
    const then = new Date(Date.now() - 10 * 60_000);
    fs.utimesSync(sandboxFile(active.id), then, then);
    const report = await collectGarbage(new Date());
    expect(report.previewsCollected).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(sandboxFile(idle.id))).toBe(false);
    expect(await findMemberPreview(idle.id, idle.memberId)).toBeUndefined();
    expect(fs.existsSync(sandboxFile(active.id))).toBe(true);
    expect((await findMemberPreview(active.id, active.memberId))?.id).toBe(active.id);
  });
});
