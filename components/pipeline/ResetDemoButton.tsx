"use client";
// "Reset demo": an inline, keyboard-friendly confirm (no window.confirm), then the server restores the
// template under the same sandbox id; the tour's saved progress is cleared and the page reloads.
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { forgetTourProgress } from "@/components/tour/persistence";
import type { BoundAction } from "@/lib/pipeline/action-state";
import { ActionError } from "./ActionError";
import { useSandbox } from "./SandboxContext";

/**
 * `action` is resetSandboxAction bound to this sandbox by the layout; `shared`: colleagues joined the copy — a
 * reset then resets it for all of them, and the question says so.
 */
export function ResetDemoButton({ action, shared = false }: { action: BoundAction; shared?: boolean }) {
  const { sandboxId } = useSandbox();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const panelId = useId();
  const questionId = useId();
  const openerRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // Focus goes to the safe choice, so Enter pressed twice never wipes anything by accident.
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  function cancel() {
    setConfirming(false);
    openerRef.current?.focus();
  }

  function reset() {
    setError(undefined);
    startTransition(async () => {
      try {
        await action();
        forgetTourProgress(sandboxId);
        window.location.reload();
      } catch {
        setError("The demo could not be reset. Please try again in a moment.");
      }
    });
  }

  return (
    <div className="reset-demo">
      <button
        ref={openerRef}
        type="button"
        className="button secondary"
        aria-expanded={confirming}
        aria-controls={panelId}
        onClick={() => setConfirming(!confirming)}
      >
        Reset demo
      </button>
      {/* biome-ignore lint/a11y/useSemanticElements: a yes/no question with two buttons, not a form; a fieldset would say otherwise */}
      <div
        id={panelId}
        className="reset-panel card"
        role="group"
        aria-labelledby={questionId}
        hidden={!confirming}
        onKeyDown={(event) => {
          if (event.key !== "Escape") return;
          // Answered here: the menu around this button must not close on the same key.
          event.stopPropagation();
          cancel();
        }}
      >
        <p id={questionId}>
          <strong>Reset this demo?</strong>{" "}
          {shared
            ? "This resets it for everyone in this shared copy: every change, yours and your colleagues', is replaced by the original sample data."
            : "Your changes in this copy are replaced by the original sample data."}
        </p>
        <div className="reset-actions">
          <button type="button" className="button" onClick={reset} disabled={pending}>
            {pending ? "Resetting…" : "Yes, reset"}
          </button>
          <button ref={cancelRef} type="button" className="button secondary" onClick={cancel} disabled={pending}>
            Cancel
          </button>
        </div>
        <ActionError error={error} />
      </div>
    </div>
  );
}
