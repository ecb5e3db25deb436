"use client";
// The step card: a non-modal dialog the visitor can read while still using the product behind it.
import { type ReactNode, type RefObject, useId } from "react";
import type { TourStep } from "@/lib/demos/demo-schema";
import type { TourWords } from "@/lib/demos/tour-words";
import type { PopoverMode } from "./position";
import { progressText } from "./progress-text";

export interface TourPopoverProps {
  /** The language the step is written in, for screen readers' pronunciation (the page itself may be another). */
  lang: string;
  words: TourWords;
  step: TourStep;
  index: number;
  total: number;
  mode: PopoverMode;
  onClose: () => void;
  popoverRef: RefObject<HTMLDivElement | null>;
  /** The server-rendered opening card (TourPlayer): on screen, not yet live. Tests and the walk wait for the live one. */
  prerendered?: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** Under the body, from the player: TargetMissing while the target is late, then the step's buttons
   * (StepActions), which depend on its kind. */
  children?: ReactNode;
}

export function TourPopover(props: TourPopoverProps) {
  const { step, index, total, mode, words } = props;
  const titleId = useId();
  const bodyId = useId();

  return (
    <div
      ref={props.popoverRef}
      className="tour-popover"
      data-testid={props.prerendered ? "tour-popover-prerendered" : "tour-popover"}
      data-prerendered={props.prerendered ? "" : undefined}
      data-mode={mode}
      data-step={step.id}
      lang={props.lang}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
    >
      <div className="tour-header">
        <p className="tour-progress">{progressText(words, index + 1, total)}</p>
        <button
          type="button"
          className="tour-close"
          aria-disabled={props.prerendered || undefined}
          aria-label={words.close}
          onClick={props.onClose}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <h2 ref={props.headingRef} id={titleId} className="tour-title" tabIndex={-1}>
        {step.title}
      </h2>
      <p
        id={bodyId}
        className="tour-body"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered on the server by lib/demos/step-markdown.ts, which escapes everything and writes only strong, em, code and vetted links
        dangerouslySetInnerHTML={{ __html: step.bodyHtml }}
      />
      {step.waitFor ? (
        <p className="tour-waiting" data-testid="tour-waiting">
          {words.waiting}
        </p>
      ) : null}
      {props.children}
    </div>
  );
}
