// The sample product's actions through the real wrapper, against real sandbox files. Only Next's side of the
// request is a stand-in: whose sandbox this is (the visitor cookie) and which pages Next renders afresh.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { notAFormMessage } from "@/lib/http/form-fields";
import { handleGuardingServerActions } from "@/lib/next-workarounds/action-decode-failures";
import type { ActionHost } from "@/lib/pipeline/form-action";
import { createDeal, loadBoard, loadDeal } from "@/lib/pipeline/pipeline";
import { runtime } from "@/lib/runtime/runtime";
import { findOwnedSandbox } from "@/lib/sandbox/access";
import type { SandboxDb } from "@/lib/sandbox/handles";
import { sandboxFullMessage, writeWithinQuota } from "@/lib/sandbox/storage-full";
import { s, t } from "../control-plane";
import { formOf, productActions, visitorWithSandbox } from "./helpers";

beforeAll(() => migrateControlPlane());
afterAll(() => runtime().close());

const dealCount = (db: SandboxDb) => loadBoard(db).dealCount;

/** What Next's notFound() throws, so the page answers 404. */
const notFoundThrown = { digest: "NEXT_HTTP_ERROR_FALLBACK;404" };

/** Fills the sandbox to its page cap, lowered to just above its size so a few hundred deals reach it. */
function fillToCap(db: SandboxDb): void {
  const sqlite = db.$client;
  sqlite.pragma(`max_page_count = ${Number(sqlite.pragma("page_count", { simple: true })) + 2}`);
  for (let index = 0; index < 5_000; index++) {
    const title = `Filler ${index} ${"x".repeat(100)}`;
    if (typeof writeWithinQuota(() => createDeal(db, { title, companyId: 1, amount: index, stage: "lead" })) !== "number") return;
  }
  throw new Error("the sandbox never filled");
}

describe("a product form action", () => {
  it("hands back the first problem with each field and what the visitor typed, and writes nothing", async () => {
    const { sandboxId, db, revalidated, actions } = await visitorWithSandbox();
    const before = dealCount(db);
    const form = formOf({ title: "x".repeat(300), companyId: "", amount: "1e300", stage: "lead", $ACTION_ID_abc: "", extra: "y" });

    expect(await actions.createDeal(sandboxId, {}, form)).toEqual({
      error: "Please fix the highlighted fields",
      // 1e300 is neither whole nor under the maximum: the first problem is the one shown.
      fieldErrors: { title: "Keep the name under 120 characters", companyId: "Choose a company", amount: "Enter a whole amount" },
      // Only the form's own fields come back, each cut to 200 characters.
      values: { title: "x".repeat(200), companyId: "", amount: "1e300", stage: "lead" },
    });
    expect(dealCount(db)).toBe(before);
    expect(revalidated).toEqual([]);
  });

  it("says the first problem itself when the form has no summary of its own", async () => {
    const { sandboxId, actions } = await visitorWithSandbox();
    const state = await actions.moveStage(sandboxId, {}, formOf({ dealId: "1", stage: "nowhere" }));
    expect(state).toMatchObject({ error: "Choose a stage", fieldErrors: { stage: "Choose a stage" } });
  });

  it("answers a call that carries no form with what to do", async () => {
    const { sandboxId, actions } = await visitorWithSandbox();
    for (const notAForm of ["not a form", undefined, {}, [["title", "x"]]]) {
      expect(await actions.createDeal(sandboxId, {}, notAForm)).toEqual({ error: notAFormMessage });
    }
  });

  it("finds another visitor's sandbox not found before it looks at the form", async () => {
    const owner = await visitorWithSandbox();
    const stranger = await visitorWithSandbox();
    const before = dealCount(owner.db);
    const form = formOf({ title: "Planted", companyId: "1", amount: "1", stage: "lead" });
    for (const sent of [form, "not a form"]) {
      await expect(stranger.actions.createDeal(owner.sandboxId, {}, sent)).rejects.toMatchObject(notFoundThrown);
    }
    await expect(stranger.actions.reset(owner.sandboxId)).rejects.toMatchObject(notFoundThrown);
    expect(dealCount(owner.db)).toBe(before);
    expect(stranger.revalidated).toEqual([]);
  });

  it("keeps what the visitor typed when their sandbox is full, and says how to start over", async () => {
    const { sandboxId, db, revalidated, actions } = await visitorWithSandbox();
    fillToCap(db);
    const typed = { title: `Too much ${"y".repeat(111)}`, companyId: "1", amount: "1200", stage: "proposal" };

    expect(await actions.createDeal(sandboxId, {}, formOf(typed))).toEqual({ error: sandboxFullMessage, values: typed });
    expect(revalidated).toEqual([]);
  });

  it("passes on what the sandbox itself refuses, with the visitor's choices kept", async () => {
    const { sandboxId, revalidated, actions } = await visitorWithSandbox();
    const gone = { dealId: "999999", stage: "won" };
    expect(await actions.moveStage(sandboxId, {}, formOf(gone))).toEqual({ error: "That deal no longer exists", values: gone });
    const noSuchCompany = { title: "Orphan", companyId: "999999", amount: "5", stage: "lead" };
    expect(await actions.createDeal(sandboxId, {}, formOf(noSuchCompany))).toEqual({
      error: "Choose a company from the list",
      values: noSuchCompany,
    });
    expect(revalidated).toEqual([]);
  });

  it("creates the deal, carries its id, and has the sandbox's pages rendered afresh", async () => {
    const { sandboxId, db, revalidated, actions } = await visitorWithSandbox();
    const state = await actions.createDeal(
      sandboxId,
      {},
      formOf({ title: "  Trial deal  ", companyId: "1", amount: "25000", stage: "lead" }),
    );

    const created = { kind: "deal.created", detail: { deal: "Trial deal", amount: 25_000, stage: "lead" } };
    expect(state).toEqual({ dealId: expect.any(Number), action: created, done: expect.any(Number) });
    expect(loadDeal(db, state.dealId ?? 0)?.deal).toMatchObject({ title: "Trial deal", amount: 25_000, stage: "lead" });
    expect(revalidated).toEqual([`/s/${sandboxId}`]);

    const moved = await actions.moveStage(sandboxId, state, formOf({ dealId: String(state.dealId), stage: "qualified" }));
    const stageChanged = { kind: "deal.stage_changed", detail: { deal: "Trial deal", from: "lead", to: "qualified" } };
    expect(moved).toEqual({ dealId: state.dealId, action: stageChanged, done: expect.any(Number) });
    expect(loadDeal(db, state.dealId ?? 0)?.deal.stage).toBe("qualified");

    // Both were in the event store, under this sandbox, before the visitor got the answer.
    const recorded = await s.all(
      s.db
        .select({ action: t.events.action, props: t.events.props })
        .from(t.events)
        .where(and(eq(t.events.sandboxId, sandboxId), eq(t.events.type, "sandbox.action")))
        .orderBy(t.events.occurredAt, t.events.id),
    );
    expect(recorded.map((row) => ({ kind: row.action, detail: row.props }))).toEqual([created, stageChanged]);
  });

  it("runs an action without a form (Reset demo) the same way", async () => {
    const { visitorId, sandboxId, db, revalidated, actions } = await visitorWithSandbox();
    const original = dealCount(db);
    createDeal(db, { title: "Scribbled over", companyId: 1, amount: 9, stage: "lead" });

    expect(await actions.reset(sandboxId)).toEqual({ done: expect.any(Number) });
    const after = await findOwnedSandbox(sandboxId, visitorId);
    if (!after) throw new Error("the reset sandbox must still be the visitor's");
    expect(dealCount(after.db)).toBe(original);
    expect(revalidated).toEqual([`/s/${sandboxId}`]);
  });
});

/** The status npm start's guard lets through when `run` is a Server Action that fails as soon as it can. */
async function statusWhenFailing(run: () => Promise<unknown>): Promise<number> {
  const server = http.createServer((request, response) => {
    handleGuardingServerActions(request, response, async () => {
      for await (const _chunk of request);
      await run().catch(() => undefined);
      response.writeHead(500);
      response.end("failed");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/s/x`, {
      method: "POST",
      headers: { "next-action": "7f".repeat(21) },
      body: "[]",
    });
    return response.status;
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe("a product action's start", () => {
  it("is marked before anything else, so a failure inside it is reported as ours (5xx), not the sender's", async () => {
    const broken: ActionHost = {
      ownSandbox: async () => {
        throw new Error("the sandbox lookup broke");
      },
      revalidateLayout: () => undefined,
    };
    const actions = productActions(broken);
    expect(await statusWhenFailing(() => actions.createDeal("any", {}, "not a form"))).toBe(500);
    expect(await statusWhenFailing(() => actions.reset("any"))).toBe(500);
    // The same failure before any action began is taken for arguments Next could not decode.
    expect(await statusWhenFailing(async () => undefined)).toBe(400);
  });
});
