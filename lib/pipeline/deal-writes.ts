// What the deal actions write and what they tell the tour and the rep: one definition, used by the app's
// Server Actions (app/s/[sandbox]/actions.ts) and by the tests that drive the same wrapper.
import "server-only";
import type { MoveStageInput, NewDealInput } from "./deal-input";
import type { FormWrite } from "./form-action";
import { createDeal, moveDeal } from "./pipeline";

export const createDealWrite: FormWrite<NewDealInput> = ({ db, input }) => {
  const dealId = createDeal(db, input);
  if (typeof dealId !== "number") return dealId;
  return { dealId, action: { kind: "deal.created", detail: { deal: input.title, amount: input.amount, stage: input.stage } } };
};

export const moveStageWrite: FormWrite<MoveStageInput> = ({ db, input }) => {
  const moved = moveDeal(db, input);
  if ("error" in moved) return moved;
  return { dealId: input.dealId, action: { kind: "deal.stage_changed", detail: { deal: moved.title, from: moved.from, to: moved.to } } };
};
