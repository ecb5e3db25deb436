"use client";
// Import contacts, step 3: create the ready rows. The tour hears of it as the action resolves: the page then
// shows the result in this component's place, so an effect here would never run.
import { useActionState } from "react";
import type { ActionState, BoundFormAction } from "@/lib/pipeline/action-state";
import { ActionError } from "./ActionError";
import { reportSandboxAction } from "./report-action";
import { useSandbox } from "./SandboxContext";

type Props = { action: BoundFormAction; upload: string; count: number };

export function ImportConfirm({ action, upload, count }: Props) {
  const { demoSlug } = useSandbox();
  const [state, submit, pending] = useActionState(async (previous: ActionState, form: FormData) => {
    const next = await action(previous, form);
    if (next.action) reportSandboxAction(next.action.kind, demoSlug);
    return next;
  }, {});
  return (
    <form action={submit} className="import-confirm">
      <input type="hidden" name="upload" value={upload} />
      <ActionError error={state.error} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Importing…" : `Import ${count} ${count === 1 ? "contact" : "contacts"}`}
      </button>
    </form>
  );
}
