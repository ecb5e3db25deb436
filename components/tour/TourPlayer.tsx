"use client";
// The guided tour of one demo, mounted once in a layout that persists across the sandbox's pages.
// Starts itself for a new visitor, resumes where they left off, and never blocks the product.
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useHydrated } from "@/components/use-hydrated";
import type { TourDemo } from "@/lib/demos/demo-schema";
import { tourCommandForKey } from "./keyboard";
import { progressText } from "./progress-text";
import { StepActions } from "./StepActions";
import { TargetMissing } from "./TargetMissing";
import { TourPopover } from "./TourPopover";
import { reportTargetMissing } from "./target-signals";
import { useStepPlacement } from "./use-step-placement";
import { useTargetKeyboard } from "./use-target-keyboard";
import { productPath, useTour } from "./use-tour";
import { useTourFocus } from "./use-tour-focus";
import "./tour.css";

export interface TourPlayerProps {
  demo: TourDemo;
  sandboxId: string;
  /** Set by the server when the first step is a plain welcome it may render before the tour is live: the inline
   * script that hides that card for a returning visitor (opening-card.ts). */
  openingScript?: string;
  /** This response's script nonce, which the opening script must carry to run under the page's policy. */
  scriptNonce?: string;
}

export function TourPlayer({ demo, sandboxId, openingScript, scriptNonce }: TourPlayerProps) {
  const { state, dispatch, restored } = useTour(demo, sandboxId);
  // Only a page rendered on the server shows the opening card before hydration; a tour mounted in the browser
  // reads its progress first. Kept from the first render: hydration's snapshot is the server's.
  const fromServer = useRef(!useHydrated()).current;
  const opening = fromServer && !restored && openingScript ? demo.steps.find((candidate) => candidate.id === demo.start) : undefined;
  const popoverRef = useRef<HTMLDivElement | null>(null);
  const headingRef = useRef<HTMLHeadingElement | null>(null);
  const resumeRef = useRef<HTMLButtonElement | null>(null);

  const active = state.status === "active";
  const step = active ? demo.steps.find((candidate) => candidate.id === state.stepId) : undefined;
  const router = useRouter();
  const pathname = usePathname();
  const placement = useStepPlacement(step, active, popoverRef, () => reportTargetMissing(demo.slug, step?.id, state.trail.length));
  useTourFocus(state, popoverRef, headingRef, resumeRef);
  useTargetKeyboard(popoverRef, placement.target, Boolean(step?.waitFor));
  // "Step 3 of 8": the steps behind (the trail) and the longest way still ahead.
  const total = step ? state.trail.length + 1 + step.stepsLeft : 0;
  // Screen readers hear each step (and a missing target) through one polite live region, rendered from the first
  // paint on so it exists before its text changes: a region added together with its text is not read.
  const announcement = step
    ? `${progressText(demo.words, state.trail.length + 1, total)}: ${step.title}.${placement.status === "missing" ? ` ${demo.words.missing}` : ""}`
    : "";
  const region = (
    <div className="tour-live" role="status" aria-live="polite">
      {announcement}
    </div>
  );

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

  // The live step, or before the tour has read its state the server-rendered welcome card (openingScript): on
  // screen with the page's first paint, its buttons aria-disabled until live (a click before hydration would be
  // lost), hidden before it paints by resumingScript for a returning visitor, who resumes where they were. Both
  // are one element, so going live keeps it.
  const shown = step ?? opening;
  if (shown) {
    const live = step !== undefined;
    const act = (action: Parameters<typeof dispatch>[0]) => () => {
      if (live) dispatch(action);
    };
    return (
      <>
        {region}
        {live ? null : (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script of ours; the key is JSON-escaped
          <script nonce={scriptNonce} dangerouslySetInnerHTML={{ __html: openingScript ?? "" }} />
        )}
        <TourPopover
          lang={demo.locale}
          words={demo.words}
          step={shown}
          index={state.trail.length}
          total={live ? total : 1 + shown.stepsLeft}
          mode={live ? placement.mode : "centered"}
          prerendered={!live}
          onClose={act({ type: "close" })}
          popoverRef={popoverRef}
          headingRef={headingRef}
        >
          <TargetMissing status={placement.status} words={demo.words} looking={shown.looking} onSkip={act({ type: "skip" })} />
          <StepActions
            step={shown}
            words={demo.words}
            canGoBack={state.trail.length > 0}
            pending={!live}
            onAction={(action) => act(action)()}
            onNavigate={() => {
              const to = shown.navigate?.path;
              if (!live || !to) return;
              // Already there (a reload on that page): nothing to navigate, the step is done.
              if (productPath(pathname, sandboxId) === to) dispatch({ type: "arrived", path: to });
              else router.push(to === "/" ? `/s/${sandboxId}` : `/s/${sandboxId}${to}`);
            }}
          />
        </TourPopover>
      </>
    );
  }
  return (
    <>
      {region}
      {state.status !== "closed" && state.status !== "finished" ? null : (
        <button
          ref={resumeRef}
          type="button"
          className="tour-resume"
          data-testid="tour-resume"
          onClick={() => dispatch({ type: "resume" })}
        >
          {state.status === "finished" ? demo.words.restart : demo.words.resume}
        </button>
      )}
    </>
  );
}
