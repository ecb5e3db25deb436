"use client";
// "Move to stage" on a deal: writes to the sandbox (the server records the action), then tells the tour.
import { useActionState } from "react";
import type { BoundFormAction } from "@/lib/pipeline/action-state";
import { type Stage, stages } from "@/lib/pipeline/vocabulary";
import { ActionError } from "./ActionError";
import { stageLabels } from "./format";
import { useAnnouncedAction } from "./use-announced-action";

type Props = {
  dealId: number;
  current: Stage;
  action: BoundFormAction;
};

export function MoveStage({ dealId, current, action }: Props) {
  const [state, submit, pending] = useActionState(action, {});
  const next = stages[Math.min(stages.indexOf(current) + 1, stages.indexOf("won"))] ?? current;

  useAnnouncedAction(state);

  return (
    <form action={submit} className="move-stage" data-tour="deal-stage">
      <input type="hidden" name="dealId" value={dealId} />
      <label htmlFor="move-stage">Move to stage</label>
      <select id="move-stage" name="stage" key={current} defaultValue={next === current ? "lost" : next}>
        {stages
          .filter((stage) => stage !== current)
          .map((stage) => (
            <option key={stage} value={stage}>
              {stageLabels[stage]}
            </option>
          ))}
      </select>
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Moving…" : "Move"}
      </button>
      <ActionError error={state.error} />
    </form>
  );
}
