"use client";
// Inside the step card while its target is late or missing: a quiet "Looking for …", then a real way on.
import type { TargetSpec } from "./find-target";
import { targetWords } from "./target-words";
import type { TargetStatus } from "./use-step-placement";

export interface TargetMissingProps {
  status: TargetStatus;
  lang: string;
  /** The step: a locator's name says what is being looked for. */
  spec: TargetSpec;
  onSkip: () => void;
}

export function TargetMissing({ status, lang, spec, onSkip }: TargetMissingProps) {
  const words = targetWords(lang);
  if (status === "looking") {
    return (
      <p className="tour-looking" data-testid="tour-looking">
        {words.looking(spec.locate?.name)}
      </p>
    );
  }
  if (status !== "missing") return null;
  return (
    <p className="tour-missing">
      <button type="button" className="tour-button tour-button-secondary" data-testid="tour-target-missing" onClick={onSkip}>
        {words.missing}
      </button>
    </p>
  );
}
