"use client";
// Import contacts, step 3: create the ready rows. The tour hears of it as the action resolves: the page then
// shows the result in this component's place, so an effect here would never run.
import { useActionState } from "react";
import { announceSandboxAction } from "@/components/tour/actions";
import type { ActionState, BoundFormAction } from "@/lib/pipeline/action-state";
import { ActionError } from "./ActionError";

type Props = { action: BoundFormAction; upload: string; count: number };

export function ImportConfirm({ action, upload, count }: Props) {
  const [state, submit, pending] = useActionState(async (previous: ActionState, form: FormData) => {
    const next = await action(previous, form);
    // The server recorded it already; the tour only needs to hear of it.
    if (next.action) announceSandboxAction(next.action.kind, next.action.detail);
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
