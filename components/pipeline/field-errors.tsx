// How the product's forms show a field's problem: the field is marked invalid and points at its message,
// so a screen reader reads why.
import type { ActionState } from "@/lib/pipeline/action-state";

export function fieldErrorsOf(state: ActionState) {
  const messageOf = (name: string) => state.fieldErrors?.[name];
  return {
    /** Attributes for the control named `name`. */
    errorLink: (name: string) => ({
      "aria-invalid": Boolean(messageOf(name)),
      "aria-describedby": messageOf(name) ? `${name}-error` : undefined,
    }),
    /** The message under the control, or nothing. */
    fieldError: (name: string) =>
      messageOf(name) ? (
        <p id={`${name}-error`} className="error-text">
          {messageOf(name)}
        </p>
      ) : null,
  };
}
