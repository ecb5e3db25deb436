// Picking mode over the product in the preview's frame: hover (or keyboard focus) shows what would be picked,
// a click picks it and never reaches the product, Escape leaves. The product's DOM and styles are never
// touched: the highlight is drawn by the studio, over the frame. Returns the cleanup that removes all it added.

export type PickingHandlers = {
  /** The element under the pointer or focus, in the frame's viewport; null when there is none. */
  onHover(element: Element | null): void;
  onPick(element: Element): void;
  /** Escape, in the frame or in the studio. */
  onLeave(): void;
};

/** Events a pick must swallow, so no link follows, no button presses and no focus moves in the product. */
const swallowed = ["pointerdown", "mousedown", "pointerup", "mouseup", "click", "auxclick", "dblclick", "contextmenu"] as const;

/** An event's target as an element; instanceof would test against the studio's Element, not the frame's. */
function elementOf(target: EventTarget | null): Element | null {
  return target && (target as Node).nodeType === 1 ? (target as Element) : null;
}

function attachToDocument(frameWindow: Window, handlers: PickingHandlers): () => void {
  const doc = frameWindow.document;
  let hovered: Element | null = null;
  const hover = (element: Element | null) => {
    hovered = element;
    handlers.onHover(element);
  };
  const onPointerMove = (event: PointerEvent) => {
    const element = elementOf(event.target);
    if (element && element !== hovered) hover(element);
  };
  const onSwallowed = (event: Event) => {
    event.preventDefault();
    event.stopPropagation();
    const element = elementOf(event.target);
    if (event.type === "click" && element) handlers.onPick(element);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      handlers.onLeave();
    } else if ((event.key === "Enter" || event.key === " ") && doc.activeElement && doc.activeElement !== doc.body) {
      // From the keyboard: Tab to an element in the product, Enter picks it (and does not press it).
      event.preventDefault();
      event.stopPropagation();
      handlers.onPick(doc.activeElement);
    }
  };
  const onFocusIn = (event: FocusEvent) => {
    const element = elementOf(event.target);
    if (element) hover(element);
  };
  // The highlight follows its element when the product scrolls or resizes.
  const onScroll = () => handlers.onHover(hovered);
  frameWindow.addEventListener("pointermove", onPointerMove, true);
  for (const type of swallowed) frameWindow.addEventListener(type, onSwallowed, true);
  frameWindow.addEventListener("keydown", onKeyDown, true);
  frameWindow.addEventListener("focusin", onFocusIn, true);
  frameWindow.addEventListener("scroll", onScroll, true);
  frameWindow.addEventListener("resize", onScroll);
  return () => {
    frameWindow.removeEventListener("pointermove", onPointerMove, true);
    for (const type of swallowed) frameWindow.removeEventListener(type, onSwallowed, true);
    frameWindow.removeEventListener("keydown", onKeyDown, true);
    frameWindow.removeEventListener("focusin", onFocusIn, true);
    frameWindow.removeEventListener("scroll", onScroll, true);
    frameWindow.removeEventListener("resize", onScroll);
    handlers.onHover(null);
  };
}

/** Starts picking over the frame's current page and every page it loads next, until the cleanup is called. */
export function startPicking(frame: HTMLIFrameElement, studioWindow: Window, handlers: PickingHandlers): () => void {
  let detach: (() => void) | undefined;
  const attach = () => {
    detach?.();
    detach = frame.contentWindow ? attachToDocument(frame.contentWindow, handlers) : undefined;
  };
  attach();
  frame.addEventListener("load", attach);
  const onStudioKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") handlers.onLeave();
  };
  studioWindow.addEventListener("keydown", onStudioKeyDown);
  return () => {
    frame.removeEventListener("load", attach);
    studioWindow.removeEventListener("keydown", onStudioKeyDown);
    detach?.();
  };
}

/** Calls `onChange` whenever the frame's page changes (new page or DOM mutations), until the cleanup. */
export function watchFrame(frame: HTMLIFrameElement, onChange: () => void): () => void {
  let observer: MutationObserver | undefined;
  const observe = () => {
    observer?.disconnect();
    const doc = frame.contentDocument;
    if (!doc?.body) return;
    observer = new MutationObserver(onChange);
    observer.observe(doc.body, { subtree: true, childList: true, attributes: true, characterData: true });
    onChange();
  };
  observe();
  frame.addEventListener("load", observe);
  return () => {
    frame.removeEventListener("load", observe);
    observer?.disconnect();
  };
}
