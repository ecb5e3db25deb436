"use client";
// "Pick an element": the toggle, the highlight over the frame, and the picked element's best locator with its
// live match count and the YAML to paste into a step.
import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import { type Locator, locatorYaml, matchSummary } from "@/lib/studio/preview/locator";
import { bestLocator, countMatches } from "./pick-locator";
import { startPicking, watchFrame } from "./picking";

type Box = { top: number; left: number; width: number; height: number };
type Picked = { locator: Locator; count: number } | { nothing: true };

export function ElementPicker({
  frameRef,
  highlightRef,
}: {
  frameRef: RefObject<HTMLIFrameElement | null>;
  highlightRef: RefObject<HTMLDivElement | null>;
}) {
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<Picked | undefined>();
  const [copied, setCopied] = useState("");
  const toggleRef = useRef<HTMLButtonElement | null>(null);

  const showBox = useCallback(
    (element: Element | null) => {
      const box = highlightRef.current;
      if (!box) return;
      const rect: Box | undefined = element?.getBoundingClientRect();
      box.hidden = !rect;
      if (!rect) return;
      box.style.top = `${rect.top}px`;
      box.style.left = `${rect.left}px`;
      box.style.width = `${rect.width}px`;
      box.style.height = `${rect.height}px`;
    },
    [highlightRef],
  );

  useEffect(() => {
    const frame = frameRef.current;
    if (!picking || !frame) return;
    return startPicking(frame, window, {
      onHover: showBox,
      onPick(element) {
        const locator = bestLocator(element);
        const doc = frame.contentDocument;
        setPicked(locator && doc ? { locator, count: countMatches(locator, doc) } : { nothing: true });
        setCopied("");
        setPicking(false);
        toggleRef.current?.focus();
      },
      onLeave() {
        setPicking(false);
        toggleRef.current?.focus();
      },
    });
  }, [picking, frameRef, showBox]);

  // The count is live: it follows the product as it changes (a deal added, another page opened).
  const locator = picked && "locator" in picked ? picked.locator : undefined;
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame || !locator) return;
    let scheduled = 0;
    const recount = () => {
      if (scheduled) return;
      scheduled = window.setTimeout(() => {
        scheduled = 0;
        const doc = frame.contentDocument;
        if (doc)
          setPicked((current) => (current && "locator" in current ? { ...current, count: countMatches(current.locator, doc) } : current));
      }, 100);
    };
    const stop = watchFrame(frame, recount);
    return () => {
      stop();
      window.clearTimeout(scheduled);
    };
  }, [frameRef, locator]);

  const yaml = locator ? locatorYaml(locator) : "";
  const summary = picked && "locator" in picked ? matchSummary(picked.count) : undefined;

  return (
    <section className="studio-picker" aria-labelledby="studio-picker-heading">
      <h2 id="studio-picker-heading">Element picker</h2>
      <button ref={toggleRef} type="button" className="button secondary" aria-pressed={picking} onClick={() => setPicking(!picking)}>
        {picking ? "Stop picking" : "Pick an element"}
      </button>
      <p className="studio-hint" aria-live="polite">
        {picking
          ? "Point at an element in the product and click it, or Tab to it and press Enter. Escape stops."
          : "Find the locator a step should use for any element in the product."}
      </p>
      {picked && "nothing" in picked ? (
        <p className="studio-warning" role="status">
          Nothing a step can point at there: pick a button, link, field or heading, or add a data-tour anchor to the product.
        </p>
      ) : null}
      {locator && summary ? (
        <div className="studio-picked" data-testid="picked-locator">
          <pre>
            <code data-testid="picked-yaml">{yaml}</code>
          </pre>
          <p className={summary.warning ? "studio-warning" : "studio-ok"} role="status" data-testid="picked-count">
            {summary.warning ? <strong>Warning: </strong> : null}
            {summary.text}
          </p>
          <button
            type="button"
            className="button secondary"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(yaml);
                setCopied("Copied to the clipboard.");
              } catch {
                setCopied("The browser did not allow copying: select the line above and copy it.");
              }
            }}
          >
            Copy as YAML
          </button>
          <span className="studio-hint" aria-live="polite">
            {copied}
          </span>
        </div>
      ) : null}
    </section>
  );
}
