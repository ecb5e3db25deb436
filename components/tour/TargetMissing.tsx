"use client";
// Inside the step card while its target is late or missing: a quiet "Looking for …", then a real way on.
import type { TourWords } from "@/lib/demos/tour-words";
import type { TargetStatus } from "./use-step-placement";

export interface TargetMissingProps {
  status: TargetStatus;
  words: TourWords;
  /** A located step's own "Looking for “New deal”…" (lib/demos/tour-graph.ts). */
  looking?: string;
  onSkip: () => void;
}

export function TargetMissing({ status, words, looking, onSkip }: TargetMissingProps) {
  if (status === "looking") {
    return (
      <p className="tour-looking" data-testid="tour-looking">
        {looking ?? words.looking}
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
