"use server";
// The sample product's writes, each made by lib/pipeline/form-action.ts: it marks the start, checks the sandbox
// is the caller's, parses the form, writes within the quota and answers the form's state. Next 16 takes an
// exported const here (its transform checks at run time that each export is a function); the action-marking
// test in tests/unit/next-workarounds holds every export to being made by the wrapper.
import { moveStageInput, newDealInput } from "@/lib/pipeline/deal-input";
import { sandboxAction, sandboxFormAction } from "@/lib/pipeline/form-action";
import { createDeal, moveDeal } from "@/lib/pipeline/pipeline";
import { resetSandbox } from "@/lib/sandbox/reset";

export const createDealAction = sandboxFormAction(
  newDealInput,
  ({ db, input }) => {
    const dealId = createDeal(db, input);
    return typeof dealId === "number" ? { dealId } : dealId;
  },
  { invalidMessage: "Please fix the highlighted fields" },
);

export const moveStageAction = sandboxFormAction(moveStageInput, ({ db, input }) => {
  const moved = moveDeal(db, input);
  return "error" in moved ? moved : { dealId: input.dealId };
});

/** "Reset demo": the same sandbox back to today's template; the client then clears the tour and reloads. */
export const resetSandboxAction = sandboxAction(({ sandbox }) => resetSandbox(sandbox));
