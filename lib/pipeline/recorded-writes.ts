// The sample product's form writes, as app/s/[sandbox]/actions.ts hands them to sandboxFormAction: each one
// writes to the sandbox and answers the action it recorded, with a bounded detail, or the sandbox's refusal.
import "server-only";
import { detailText } from "./action-detail";
import { logActivity } from "./activities";
import type { LogActivityInput } from "./activity-input";
import type { MoveStageInput, NewDealInput } from "./deal-input";
import type { FormWrite } from "./form-action";
import { createDeal, moveDeal } from "./pipeline";

export const createDealWrite: FormWrite<NewDealInput> = ({ db, input }) => {
  const dealId = createDeal(db, input);
  if (typeof dealId !== "number") return dealId;
  return { dealId, action: { kind: "deal.created", detail: { deal: detailText(input.title), amount: input.amount, stage: input.stage } } };
};

export const moveStageWrite: FormWrite<MoveStageInput> = ({ db, input }) => {
  const moved = moveDeal(db, input);
  if ("error" in moved) return moved;
  return {
    dealId: input.dealId,
    action: { kind: "deal.stage_changed", detail: { deal: detailText(moved.title), from: moved.from, to: moved.to } },
  };
};

export const logActivityWrite: FormWrite<LogActivityInput> = ({ db, input }) => {
  const logged = logActivity(db, input);
  if ("error" in logged) return logged;
  return { dealId: logged.dealId, action: { kind: "activity.logged", detail: { deal: detailText(logged.deal), kind: logged.kind } } };
};
