"use client";
// The guided tour of one demo, mounted once in a layout that persists across the sandbox's pages.
// Starts itself for a new visitor, resumes where they left off, and never blocks the product.
import { useEffect, useRef } from "react";
import type { TourDemo } from "@/lib/demos/demo-schema";
import { tourCommandForKey } from "./keyboard";
import { TargetMissing } from "./TargetMissing";
import { TourPopover } from "./TourPopover";
import { reportTargetMissing } from "./target-signals";
import { useStepAnnouncement } from "./use-step-announcement";
import { useStepPlacement } from "./use-step-placement";
import { useTargetKeyboard } from "./use-target-keyboard";
import { useTour } from "./use-tour";
import { useTourFocus } from "./use-tour-focus";
import "./tour.css";

export interface TourPlayerProps {
  demo: TourDemo;
  sandboxId: string;
}

export function TourPlayer({ demo, sandboxId }: TourPlayerProps) {
  const { state, dispatch } = useTour(demo, sandboxId);
  const popoverRef = useRef<HTMLDivElement | null>(null);
  const headingRef = useRef<HTMLHeadingElement | null>(null);
  const resumeRef = useRef<HTMLButtonElement | null>(null);

  const active = state.status === "active";
  const step = active ? demo.steps[state.index] : undefined;
  const placement = useStepPlacement(step, active, popoverRef, () => reportTargetMissing(demo.slug, step?.id, state.index));
  useTourFocus(state, popoverRef, headingRef, resumeRef);
  useTargetKeyboard(popoverRef, placement.target, Boolean(step?.waitFor));
  useStepAnnouncement(demo.locale, step?.title, state.index, demo.steps.length, placement.status);

  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const command = tourCommandForKey(event, popoverRef.current);
      if (!command) return;
      // Only claim the key when the tour actually moved (ArrowRight on a waitFor step does not).
      if (dispatch({ type: command })) event.preventDefault();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [active, dispatch]);

  if (step) {
    return (
      <TourPopover
        lang={demo.locale}
        step={step}
        index={state.index}
        total={demo.steps.length}
        mode={placement.mode}
        onNext={() => dispatch({ type: "next" })}
        onBack={() => dispatch({ type: "back" })}
        onSkip={() => dispatch({ type: "skip" })}
        onClose={() => dispatch({ type: "close" })}
        popoverRef={popoverRef}
        headingRef={headingRef}
      >
        <TargetMissing status={placement.status} lang={demo.locale} spec={step} onSkip={() => dispatch({ type: "skip" })} />
      </TourPopover>
    );
  }
  if (state.status !== "closed" && state.status !== "finished") return null;
  return (
    <button ref={resumeRef} type="button" className="tour-resume" data-testid="tour-resume" onClick={() => dispatch({ type: "resume" })}>
      {state.status === "finished" ? "Restart tour" : "Resume tour"}
    </button>
  );
}
