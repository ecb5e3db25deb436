// "Log an activity" on a deal, through the real action wrapper and against real sandbox files: what it refuses,
// what it writes, and the small action it answers for the tour and the rep.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateControlPlane } from "@/db/control-plane";
import { detailText, maxDetailTextLength } from "@/lib/pipeline/action-detail";
import { searchContacts } from "@/lib/pipeline/contacts";
import { createDeal, loadBoard, loadDeal } from "@/lib/pipeline/pipeline";
import { runtime } from "@/lib/runtime/runtime";
import type { SandboxDb } from "@/lib/sandbox/handles";
import { formOf, visitorWithSandbox } from "./helpers";

beforeAll(() => migrateControlPlane());
afterAll(() => runtime().close());

/** The fixture's Northwind renewal, with one of its company's people and one from another company. */
function northwindRenewal(db: SandboxDb) {
  const deal = loadBoard(db)
    .columns.flatMap((column) => column.deals)
    .find((candidate) => candidate.title === "Northwind annual renewal");
  const ana = searchContacts(db, "Ana Trujillo")[0];
  const hank = searchContacts(db, "Hank Scorpio")[0];
  if (!deal || !ana || !hank) throw new Error("the fixture changed");
  return { dealId: deal.id, ana: ana.id, hank: hank.id };
}

const historyOf = (db: SandboxDb, dealId: number) => loadDeal(db, dealId)?.activities ?? [];

describe("logging an activity on a deal", () => {
  it("writes a call with one of the company's people, first in the deal's history and on the contact's", async () => {
    const { sandboxId, db, revalidated, actions } = await visitorWithSandbox();
    const { dealId, ana } = northwindRenewal(db);
    const state = await actions.logActivity(
      sandboxId,
      {},
      formOf({ dealId: String(dealId), kind: "call", contactId: String(ana), summary: "  Agreed the two-year option  " }),
    );

    expect(state).toEqual({
      dealId,
      action: { kind: "activity.logged", detail: { deal: "Northwind annual renewal", kind: "call" } },
      done: expect.any(Number),
    });
    expect(historyOf(db, dealId)[0]).toMatchObject({
      activity: { kind: "call", summary: "Agreed the two-year option", contactId: ana },
      contact: "Ana Trujillo",
    });
    expect(revalidated).toEqual([`/s/${sandboxId}`]);
  });

  it("logs an email or a meeting with no one in particular", async () => {
    const { sandboxId, db, actions } = await visitorWithSandbox();
    const { dealId } = northwindRenewal(db);
    for (const kind of ["email", "meeting"] as const) {
      const state = await actions.logActivity(sandboxId, {}, formOf({ dealId: String(dealId), kind, contactId: "", summary: `A ${kind}` }));
      expect(state.action?.detail).toEqual({ deal: "Northwind annual renewal", kind });
      expect(historyOf(db, dealId)[0]).toMatchObject({ activity: { kind, summary: `A ${kind}`, contactId: null }, contact: null });
    }
  });

  it("points at each field that is wrong, keeps what was typed (cut short), and writes nothing", async () => {
    const { sandboxId, db, revalidated, actions } = await visitorWithSandbox();
    const { dealId } = northwindRenewal(db);
    const before = historyOf(db, dealId).length;
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ kind: "call", summary: "   " }, { summary: "Say in a few words what happened" }],
      [{ kind: "call", summary: "x".repeat(10_240) }, { summary: "Keep the summary under 500 characters" }],
      [{ kind: "call", summary: "\u0000".repeat(501) }, { summary: "Keep the summary under 500 characters" }],
      [{ kind: "note", summary: "A note is the product's own" }, { kind: "Choose call, email or meeting" }],
      [{ kind: "stage", summary: "So is a stage change" }, { kind: "Choose call, email or meeting" }],
      [{ summary: "No kind at all" }, { kind: "Choose call, email or meeting" }],
      [{ kind: "call", contactId: "0x1", summary: "Hex" }, { contactId: "Choose someone from the list, or no one" }],
      [{ kind: "call", contactId: "9".repeat(5000), summary: "Huge" }, { contactId: "Choose someone from the list, or no one" }],
    ];
    for (const [fields, fieldErrors] of cases) {
      const state = await actions.logActivity(sandboxId, {}, formOf({ dealId: String(dealId), ...fields }));
      expect(state, JSON.stringify(fields).slice(0, 60)).toMatchObject({ error: "Please fix the highlighted fields", fieldErrors });
      expect(state.action).toBeUndefined();
      for (const value of Object.values(state.values ?? {})) expect(value.length).toBeLessThanOrEqual(200);
    }
    expect(historyOf(db, dealId)).toHaveLength(before);
    expect(revalidated).toEqual([]);
  });

  it("refuses a person from another company and a deal the sandbox does not hold, saying what to do", async () => {
    const { sandboxId, db, revalidated, actions } = await visitorWithSandbox();
    const { dealId, hank } = northwindRenewal(db);
    const before = historyOf(db, dealId).length;

    const stranger = { dealId: String(dealId), kind: "meeting", contactId: String(hank), summary: "Wrong company" };
    expect(await actions.logActivity(sandboxId, {}, formOf(stranger))).toEqual({
      error: "Choose someone from this deal’s company, or no one",
      values: stranger,
    });
    const unknownContact = { ...stranger, contactId: "999999" };
    expect(await actions.logActivity(sandboxId, {}, formOf(unknownContact))).toMatchObject({
      error: "Choose someone from this deal’s company, or no one",
    });
    const gone = "That deal no longer exists; go back to the board and open it again";
    const missingDeal = { dealId: "999999", kind: "call", summary: "Into the void" };
    expect(await actions.logActivity(sandboxId, {}, formOf(missingDeal))).toEqual({ error: gone, values: missingDeal });
    for (const notADeal of ["0", "-1", "1e0", "", "😀", "9".repeat(5000)]) {
      const state = await actions.logActivity(sandboxId, {}, formOf({ ...missingDeal, dealId: notADeal }));
      expect(state, notADeal.slice(0, 20)).toMatchObject({ error: "Please fix the highlighted fields", fieldErrors: { dealId: gone } });
    }
    expect(historyOf(db, dealId)).toHaveLength(before);
    expect(revalidated).toEqual([]);
  });

  it("answers a detail that stays small, however long the deal's name", async () => {
    const { sandboxId, actions } = await visitorWithSandbox();
    const title = `${"Globex ".repeat(16)}renewal`.slice(0, 120);
    const created = await actions.createDeal(sandboxId, {}, formOf({ title, companyId: "1", amount: "40000", stage: "lead" }));
    expect(String(created.action?.detail.deal).length).toBeLessThanOrEqual(maxDetailTextLength);
    expect(created.action?.detail).toMatchObject({ amount: 40_000, stage: "lead" });

    const dealId = String(created.dealId);
    const moved = await actions.moveStage(sandboxId, {}, formOf({ dealId, stage: "proposal" }));
    expect(moved.action).toEqual({ kind: "deal.stage_changed", detail: { deal: detailText(title), from: "lead", to: "proposal" } });

    const logged = await actions.logActivity(sandboxId, {}, formOf({ dealId, kind: "email", summary: "y".repeat(500) }));
    expect(logged.action).toEqual({ kind: "activity.logged", detail: { deal: detailText(title), kind: "email" } });
    for (const state of [created, moved, logged]) {
      for (const value of Object.values(state.action?.detail ?? {})) expect(String(value).length).toBeLessThanOrEqual(maxDetailTextLength);
    }
  });
});

describe("an action's detail text", () => {
  it("keeps a short name whole and cuts a long one at a character, marked with an ellipsis", () => {
    expect(detailText("Globex renewal")).toBe("Globex renewal");
    expect(detailText("x".repeat(maxDetailTextLength))).toBe("x".repeat(maxDetailTextLength));
    const cut = detailText("x".repeat(120));
    expect(cut).toHaveLength(maxDetailTextLength);
    expect(cut.endsWith("…")).toBe(true);
    // 78 letters and an emoji (two UTF-16 units) would split the emoji at 79: it is left out whole instead.
    const emoji = detailText(`${"a".repeat(78)}😀😀😀`);
    expect(emoji).toBe(`${"a".repeat(78)}…`);
  });

  it("holds for every deal the product can create", async () => {
    const { db } = await visitorWithSandbox();
    const id = createDeal(db, { title: "z".repeat(120), companyId: 1, amount: 1, stage: "lead" });
    expect(typeof id).toBe("number");
    expect(detailText(loadDeal(db, Number(id))?.deal.title ?? "")).toHaveLength(maxDetailTextLength);
  });
});
