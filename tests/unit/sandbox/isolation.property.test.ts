import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeControlPlane, migrateControlPlane } from "@/db/control-plane";
import { createDeal, loadBoard, moveDeal } from "@/lib/pipeline/pipeline";
import { stages } from "@/lib/pipeline/vocabulary";
import { findOwnedSandbox } from "@/lib/sandbox/access";
import { closeAllSandboxes } from "@/lib/sandbox/handles";
import { provisionSandbox } from "@/lib/sandbox/provision";
import { demoSlug, newVisitor } from "./helpers";

beforeAll(() => migrateControlPlane());
afterAll(async () => {
  closeAllSandboxes();
  await closeControlPlane();
});

type Operation = { visitor: number; kind: "create" } | { visitor: number; kind: "move"; pick: number; stage: (typeof stages)[number] };

function operations(visitors: number) {
  const visitor = fc.integer({ min: 0, max: visitors - 1 });
  return fc.array(
    fc.oneof(
      fc.record({ visitor, kind: fc.constant("create" as const) }),
      fc.record({ visitor, kind: fc.constant("move" as const), pick: fc.nat(), stage: fc.constantFrom(...stages) }),
    ),
    { minLength: 1, maxLength: 30 },
  );
}

describe("isolation under interleaving", () => {
  it("never lets interleaved visitors see each other's deals or stages", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }).chain((n) => fc.tuple(fc.constant(n), operations(n))),
        async ([count, ops]: [number, Operation[]]) => {
          const people: string[] = [];
          for (let index = 0; index < count; index++) people.push(await newVisitor());
          const owned: NonNullable<Awaited<ReturnType<typeof findOwnedSandbox>>>[] = [];
          for (const visitor of people) {
            const sandbox = await provisionSandbox(visitor, demoSlug);
            const found = await findOwnedSandbox(sandbox.id, visitor);
            if (!found) throw new Error("owner must find the sandbox");
            owned.push(found);
          }
          const first = owned[0];
          if (!first) throw new Error("at least two visitors");
          const baseline = loadBoard(first.db);
          // The model: what each visitor's board must hold, from their own operations only.
          const expected = owned.map(() => new Map<number, string>());
          owned.forEach((_, index) => {
            for (const column of baseline.columns) for (const deal of column.deals) expected[index]?.set(deal.id, deal.stage);
          });
          ops.forEach((op, step) => {
            const mine = owned[op.visitor];
            const model = expected[op.visitor];
            if (!mine || !model) return;
            if (op.kind === "create") {
              const id = createDeal(mine.db, { title: `v${op.visitor} s${step}`, companyId: 1, amount: step + 1, stage: "lead" });
              if (typeof id === "number") model.set(id, "lead");
            } else {
              const ids = [...model.keys()];
              const dealId = ids[op.pick % ids.length] ?? 1;
              const moved = moveDeal(mine.db, { dealId, stage: op.stage });
              if (!("error" in moved)) model.set(dealId, op.stage);
            }
          });
          for (const [index, mine] of owned.entries()) {
            const seen = new Map(
              loadBoard(mine.db).columns.flatMap((column) => column.deals.map((deal) => [deal.id, deal.stage] as const)),
            );
            expect(seen).toEqual(expected[index]);
            const titles = loadBoard(mine.db).columns.flatMap((column) => column.deals.map((deal) => deal.title));
            expect(titles.filter((title) => /^v\d+ s\d+$/.test(title) && !title.startsWith(`v${index} `))).toEqual([]);
            for (const [otherIndex, other] of people.entries()) {
              if (otherIndex !== index) expect(await findOwnedSandbox(mine.sandbox.id, other)).toBeUndefined();
            }
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
