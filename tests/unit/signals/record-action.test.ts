import { sql } from "drizzle-orm";
// Sandbox actions are recorded by the server when the write commits: linked to the visitor unless they asked
// not to be tracked, with a small bounded detail, and refused when a browser tries to report one itself.
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { registerDemos } from "@/lib/demos/registry";
import { describeEvent } from "@/lib/insights/describe-event";
import { closeAllSandboxes } from "@/lib/sandbox/handles";
import { newId } from "@/lib/sandbox/ids";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { signalBatchSchema } from "@/lib/signals/event-schema";
import { boundedDetail, recordSandboxAction } from "@/lib/signals/record-action";
import { touchVisitor } from "@/lib/visitors/visitor-record";
import { s } from "../control-plane";

beforeAll(async () => {
  await migrateControlPlane();
  await registerDemos();
});
afterAll(() => closeAllSandboxes());

type StoredAction = {
  visitor_id: string | null;
  sandbox_id: string | null;
  type: string;
  action: string;
  props: string;
  session_id: string | null;
};

/** The stored sandbox actions, props as JSON text on either database (the tests compare the text). */
async function storedActions(demoSlug = "pipeline-basics"): Promise<StoredAction[]> {
  const rows = await s.rows<Omit<StoredAction, "props"> & { props: unknown }>(
    sql`select visitor_id, sandbox_id, type, action, props, session_id from events where type = 'sandbox.action' and demo_slug = ${demoSlug}`,
  );
  return rows.map((row) => ({ ...row, props: typeof row.props === "string" ? row.props : JSON.stringify(row.props) }));
}

async function sandboxOf(doNotTrack: boolean) {
  const visitorId = newId();
  await touchVisitor(visitorId, { client: { browser: "Firefox", os: "Linux", device: "desktop", bot: false, doNotTrack } });
  return provisionSandbox(visitorId, "pipeline-basics");
}

describe("recording a sandbox action", () => {
  it("stores it, committed, under the visitor and their session, with the detail a rep reads", async () => {
    const sandbox = await sandboxOf(false);
    await recordSandboxAction(
      sandbox,
      { kind: "deal.created", detail: { deal: "Globex renewal", amount: 40_000, stage: "lead" } },
      sandbox.visitorId,
    );
    const row = (await storedActions()).find((candidate) => candidate.sandbox_id === sandbox.id);
    expect(row).toMatchObject({ visitor_id: sandbox.visitorId, action: "deal.created" });
    expect(row?.session_id).not.toBeNull();
    const props = JSON.parse(row?.props ?? "{}");
    expect(props).toEqual({ deal: "Globex renewal", amount: 40_000, stage: "lead" });
    expect(describeEvent({ type: "sandbox.action", action: "deal.created", props, stepId: null, stepIndex: null, demoSlug: null })).toBe(
      "In the product: created deal ‘Globex renewal’ $40k",
    );
  });

  it("counts but does not link a visitor who sent Global Privacy Control or Do-Not-Track", async () => {
    const before = (await storedActions()).length;
    const sandbox = await sandboxOf(true);
    await recordSandboxAction(
      sandbox,
      { kind: "deal.stage_changed", detail: { deal: "Quiet deal", from: "lead", to: "won" } },
      sandbox.visitorId,
    );
    const added = (await storedActions()).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ visitor_id: null, sandbox_id: null, action: "deal.stage_changed" });
  });

  it("keeps a detail small: six short facts at most, text cut at 80 characters, odd keys dropped", () => {
    const detail = boundedDetail({ deal: "x".repeat(500), "bad key": "no", a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: Number.NaN });
    expect(Object.keys(detail)).toEqual(["deal", "a", "b", "c", "d", "e"]);
    expect(String(detail.deal)).toHaveLength(80);
  });

  it("refuses a browser's own report of a sandbox action: only the server records what happened", () => {
    const parsed = signalBatchSchema.safeParse({
      events: [{ id: uuidv7(), type: "sandbox.action", action: "deal.created", at: Date.now() }],
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/recorded by the server/);
  });

  it("reads an old event without a detail as before", () => {
    expect(
      describeEvent({ type: "sandbox.action", action: "deal.stage_changed", props: null, stepId: null, stepIndex: null, demoSlug: null }),
    ).toBe("In the product: moved a deal to another stage");
  });
});
