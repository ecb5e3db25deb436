"use client";
// The buttons at the foot of a step, by kind: Next (or the step's own label), the options of a choice, the way
// to another page for a navigate step, the call to action with a way to keep exploring, Skip for a waitFor step.
// Every label comes from the server (the step's nextLabel, the tour's words), already in the visitor's language.
import type { ReactNode } from "react";
import type { TourStep } from "@/lib/demos/demo-schema";
import type { TourWords } from "@/lib/demos/tour-words";
import type { TourAction } from "./engine";
import "./step-actions.css";

export interface StepActionsProps {
  step: TourStep;
  words: TourWords;
  canGoBack: boolean;
  /** Shown before the tour is live (the server-rendered opening card): buttons announced and held as disabled. */
  pending?: boolean;
  /** What a button does to the tour: next, back, skip, choose, ctaFollowed. */
  onAction: (action: TourAction) => void;
  /** A navigate step's button: off to the step's page (the player knows the router). */
  onNavigate: () => void;
}

export function StepActions(props: StepActionsProps) {
  const { step, words } = props;
  const act = (action: TourAction) => () => props.onAction(action);
  const button = (primary: boolean, onClick: () => void, label: ReactNode, extra = "") => (
    <button
      type="button"
      aria-disabled={props.pending || undefined}
      className={`tour-button tour-button-${primary ? "primary" : "secondary"}${extra}`}
      onClick={onClick}
    >
      {label}
    </button>
  );
  const back = props.canGoBack ? button(false, act({ type: "back" }), words.back) : null;

  if (step.kind === "choice") {
    return (
      <div className="tour-actions tour-choice">
        <ul className="tour-options" aria-label={step.title}>
          {step.options?.map((option) => (
            <li key={option.path}>{button(false, act({ type: "choose", path: option.path }), option.label, " tour-option")}</li>
          ))}
        </ul>
        {back}
      </div>
    );
  }

  return (
    <div className="tour-actions">
      {back}
      {step.cta ? (
        <>
          {button(false, act({ type: "next" }), step.nextLabel)}
          <a
            aria-disabled={props.pending || undefined}
            className="tour-button tour-button-primary tour-cta"
            href={step.cta.url}
            target="_blank"
            rel="noopener noreferrer"
            onClick={act({ type: "ctaFollowed" })}
          >
            {step.cta.label} <span className="tour-visually-hidden">{words.newTab}</span>
          </a>
        </>
      ) : step.navigate ? (
        button(true, props.onNavigate, step.nextLabel)
      ) : step.waitFor ? (
        button(false, act({ type: "skip" }), words.skip)
      ) : (
        button(true, act({ type: "next" }), step.nextLabel)
      )}
    </div>
  );
}
