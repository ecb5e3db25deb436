"use client";
// The step card: a non-modal dialog the visitor can read while still using the product behind it.
import { type RefObject, useId } from "react";
import type { TourStep } from "@/lib/demos/demo-schema";
import type { PopoverMode } from "./position";

export interface TourPopoverProps {
  step: TourStep;
  index: number;
  total: number;
  mode: PopoverMode;
  onNext: () => void;
  onBack: () => void;
  onSkip: () => void;
  onClose: () => void;
  popoverRef: RefObject<HTMLDivElement | null>;
  arrowRef: RefObject<HTMLDivElement | null>;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

export function TourPopover(props: TourPopoverProps) {
  const { step, index, total, mode } = props;
  const titleId = useId();
  const bodyId = useId();
  const isLast = index === total - 1;
  const nextLabel = step.nextLabel ?? (isLast ? "Finish" : "Next");

  return (
    <div
      ref={props.popoverRef}
      className="tour-popover"
      data-testid="tour-popover"
      data-mode={mode}
      data-step={step.id}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
    >
      <div ref={props.arrowRef} className="tour-arrow" aria-hidden="true" />
      <div className="tour-header">
        <p className="tour-progress">
          Step {index + 1} of {total}
        </p>
        <button type="button" className="tour-close" aria-label="Close tour" onClick={props.onClose}>
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
          Do it in the app to continue
        </p>
      ) : null}
      <div className="tour-actions">
        {index > 0 ? (
          <button type="button" className="tour-button tour-button-secondary" onClick={props.onBack}>
            Back
          </button>
        ) : null}
        {step.waitFor ? (
          <button type="button" className="tour-button tour-button-secondary" onClick={props.onSkip}>
            Skip this step
          </button>
        ) : (
          <button type="button" className="tour-button tour-button-primary" onClick={props.onNext}>
            {nextLabel}
          </button>
        )}
      </div>
    </div>
  );
}
