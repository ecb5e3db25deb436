// What the sample product's Server Actions answer, as their forms read it. Types only — no zod, no drizzle,
// nothing of the server — so a client component may import it (lib/pipeline/form-action.ts makes the answers).
import type { SandboxActionKind } from "@/lib/signals/signal-types";

/**
 * What the visitor really did, as the server saw the write commit: a kind and a small, bounded detail (what a
 * rep reads as "created deal 'Globex renewal' $40k"). The tour learns of it from the action's answer.
 */
export type RecordedAction = { kind: SandboxActionKind; detail: Record<string, string | number> };

export type ActionState = {
  /** Shown above the form: what went wrong and what to do about it. */
  error?: string;
  /** The first problem with each field, by field name. */
  fieldErrors?: Record<string, string>;
  /** What the visitor typed, handed back on an error: React resets a form after its action runs. */
  values?: Record<string, string>;
  /** The deal the action created or moved. */
  dealId?: number;
  /** What the write did, for the tour (a step may wait for it) and the rep's journey. */
  action?: RecordedAction;
  /** When the write went through (ms since the epoch): new on every success, so an effect runs once for each. */
  done?: number;
};

/** A form's action with its sandbox bound, as a page hands it to the form's useActionState. */
export type BoundFormAction = (previous: ActionState, form: FormData) => Promise<ActionState>;

/** An action without a form ("Reset demo"), with its sandbox bound. */
export type BoundAction = () => Promise<ActionState>;
