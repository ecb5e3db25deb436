"use client";
// The buttons at the foot of a step, by kind: Next (or the step's own label), the options of a choice, the way
// to another page for a navigate step, the call to action with a way to keep exploring, Skip for a waitFor step.
import type { TourStep } from "@/lib/demos/demo-schema";
import { stepWords } from "./step-words";
import { tourWords } from "./tour-words";
import "./step-actions.css";

export interface StepActionsProps {
  step: TourStep;
  lang: string;
  canGoBack: boolean;
  /** Shown before the tour is live (the server-rendered opening card): buttons announced and held as disabled. */
  pending?: boolean;
  onNext: () => void;
  onBack: () => void;
  onSkip: () => void;
  onChoose: (path: string) => void;
  onNavigate: () => void;
  onCta: () => void;
}

export function StepActions(props: StepActionsProps) {
  const { step } = props;
  const words = tourWords(props.lang);
  const more = stepWords(props.lang);
  const back = props.canGoBack ? (
    <button type="button" aria-disabled={props.pending || undefined} className="tour-button tour-button-secondary" onClick={props.onBack}>
      {words.back}
    </button>
  ) : null;

  if (step.kind === "choice") {
    return (
      <div className="tour-actions tour-choice">
        <ul className="tour-options" aria-label={step.title}>
          {step.options?.map((option) => (
            <li key={option.path}>
              <button
                type="button"
                aria-disabled={props.pending || undefined}
                className="tour-button tour-button-secondary tour-option"
                onClick={() => props.onChoose(option.path)}
              >
                {option.label}
              </button>
            </li>
          ))}
        </ul>
        {back}
      </div>
    );
  }

  let primary: React.ReactNode;
  if (step.cta) {
    primary = (
      <>
        <button
          type="button"
          aria-disabled={props.pending || undefined}
          className="tour-button tour-button-secondary"
          onClick={props.onNext}
        >
          {step.nextLabel ?? more.keepExploring}
        </button>
        <a
          aria-disabled={props.pending || undefined}
          className="tour-button tour-button-primary tour-cta"
          href={step.cta.url}
          target="_blank"
          rel="noopener noreferrer"
          onClick={props.onCta}
        >
          {step.cta.label} <span className="tour-visually-hidden">{more.newTab}</span>
        </a>
      </>
    );
  } else if (step.navigate) {
    primary = (
      <button
        type="button"
        aria-disabled={props.pending || undefined}
        className="tour-button tour-button-primary"
        onClick={props.onNavigate}
      >
        {step.nextLabel ?? more.goTo(step.navigate.title)}
      </button>
    );
  } else if (step.waitFor) {
    primary = (
      <button type="button" aria-disabled={props.pending || undefined} className="tour-button tour-button-secondary" onClick={props.onSkip}>
        {words.skip}
      </button>
    );
  } else {
    primary = (
      <button type="button" aria-disabled={props.pending || undefined} className="tour-button tour-button-primary" onClick={props.onNext}>
        {step.nextLabel ?? (step.next ? words.next : words.finish)}
      </button>
    );
  }
  return (
    <div className="tour-actions">
      {back}
      {primary}
    </div>
  );
}
