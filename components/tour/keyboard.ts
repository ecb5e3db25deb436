// Which tour command a key press means, if any. The tour shares the page with a working product,
// so it only takes keys nobody else is using: never while typing, never inside another widget or dialog.

export type TourKeyCommand = "close" | "next" | "back";

const typingSelector = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
/** Composite widgets own their arrow keys (ARIA authoring practices). */
const arrowOwnersSelector =
  '[role="tablist"], [role="menu"], [role="menubar"], [role="listbox"], [role="radiogroup"], [role="slider"], [role="grid"], [role="tree"], [role="combobox"]';
/** Esc belongs to the product's own modal when one is open. */
const otherDialogSelector = '[aria-modal="true"], dialog[open]';

export function tourCommandForKey(event: KeyboardEvent, popover: Element | null): TourKeyCommand | null {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const target = event.target instanceof Element ? event.target : null;
  if (target && (target.matches(typingSelector) || (target instanceof HTMLElement && target.isContentEditable))) {
    return null;
  }
  const insidePopover = Boolean(target && popover?.contains(target));
  if (event.key === "Escape") {
    return !insidePopover && target?.closest(otherDialogSelector) ? null : "close";
  }
  if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return null;
  if (!insidePopover && target?.closest(arrowOwnersSelector)) return null;
  return event.key === "ArrowRight" ? "next" : "back";
}
