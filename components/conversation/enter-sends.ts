// Enter sends and Shift+Enter starts a new line, as in every chat a person uses — in the prospect's panel and the
// rep's reply box alike. A key that finishes an IME composition (Japanese, Chinese) is the composition's, not a send.
import type { KeyboardEvent } from "react";

export const enterSendsHint = "Enter sends, Shift+Enter starts a new line.";

export function sendOnEnter(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key !== "Enter" || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.nativeEvent.isComposing) return;
  event.preventDefault();
  event.currentTarget.form?.requestSubmit();
}
