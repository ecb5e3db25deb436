// Which tour command a key press means, if any. The tour shares the page with a working product,
// so it only takes keys nobody else is using: never while typing, never inside another widget or dialog.

export type TourKeyCommand = "close" | "next" | "back";

const typingSelector = "input,textarea,select,[contenteditable=''],[contenteditable=true]";
/** Composite widgets own their arrow keys (ARIA authoring practices). */
const arrowOwnersSelector = ["tablist", "menu", "menubar", "listbox", "radiogroup", "slider", "grid", "tree", "combobox"]
  .map((role) => `[role=${role}]`)
  .join();
/** Esc belongs to the product's own modal when one is open. */
const otherDialogSelector = "[aria-modal=true],dialog[open]";

/** A field the visitor types in: the tour never takes its keys, nor pulls focus out of it. */
export function isTyping(element: unknown): boolean {
  return element instanceof HTMLElement && (element.matches(typingSelector) || element.isContentEditable);
}

export function tourCommandForKey(event: KeyboardEvent, popover: Element | null): TourKeyCommand | null {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const target = event.target instanceof Element ? event.target : null;
  if (isTyping(target)) return null;
  const insidePopover = Boolean(target && popover?.contains(target));
  if (event.key === "Escape") {
    return !insidePopover && target?.closest(otherDialogSelector) ? null : "close";
  }
  if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return null;
  if (!insidePopover && target?.closest(arrowOwnersSelector)) return null;
  return event.key === "ArrowRight" ? "next" : "back";
}

const tabbableSelector =
  'a[href],button:not([disabled]),input:not([disabled]):not([type="hidden"]),select:not([disabled]),textarea:not([disabled]),summary,[tabindex]:not([tabindex="-1"])';

/** The elements Tab stops at inside root (root included), in document order. */
export function tabbables(root: Element): HTMLElement[] {
  const inside = [...root.querySelectorAll<HTMLElement>(tabbableSelector)];
  const all = root.matches(tabbableSelector) ? [root as HTMLElement, ...inside] : inside;
  return all.filter((element) => element.tabIndex >= 0 && element.getClientRects().length > 0);
}

/**
 * Where Tab should go instead of the browser's next stop, on a step that asks the visitor to use the
 * highlighted control: from the popover's last control to the target's first, and Shift+Tab from the
 * target's first back to the popover. Anything else keeps the page's own order (no trap: Tab past the
 * target goes on into the product).
 */
export function tabBridge(event: KeyboardEvent, popover: Element, target: Element): HTMLElement | null {
  if (event.key !== "Tab" || event.altKey || event.ctrlKey || event.metaKey) return null;
  const active = document.activeElement;
  const inPopover = tabbables(popover);
  const inTarget = tabbables(target);
  if (!event.shiftKey && active === inPopover[inPopover.length - 1]) return inTarget[0] ?? null;
  if (event.shiftKey && active === inTarget[0]) return inPopover[inPopover.length - 1] ?? null;
  return null;
}
