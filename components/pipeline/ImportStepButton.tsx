"use client";
// A secondary step of the contact import ("Change the mapping", "Choose another file"): one button, its error.
import { useActionState } from "react";
import type { BoundFormAction } from "@/lib/pipeline/action-state";
import { ActionError } from "./ActionError";

type Props = { action: BoundFormAction; upload?: string; label: string };

export function ImportStepButton({ action, upload, label }: Props) {
  const [state, submit, pending] = useActionState(action, {});
  return (
    <form action={submit} className="import-step-button">
      {upload ? <input type="hidden" name="upload" value={upload} /> : null}
      <button type="submit" className="button secondary" disabled={pending}>
        {label}
      </button>
      <ActionError error={state.error} />
    </form>
  );
}
