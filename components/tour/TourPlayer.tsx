"use client";
// The guided tour of one demo, mounted once in a layout that persists across the sandbox's pages.
// Starts itself for a new visitor, resumes where they left off, and never blocks the product.
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useSyncExternalStore } from "react";
import type { TourDemo } from "@/lib/demos/demo-schema";
import { tourCommandForKey } from "./keyboard";
import { openingCardStep, resumingScript } from "./opening-card";
import { StepActions } from "./StepActions";
import { TargetMissing } from "./TargetMissing";
import { TourPopover } from "./TourPopover";
import { reportTargetMissing } from "./target-signals";
import { useStepAnnouncement } from "./use-step-announcement";
import { useStepPlacement } from "./use-step-placement";
import { useTargetKeyboard } from "./use-target-keyboard";
import { productPath, useTour } from "./use-tour";
import { useTourFocus } from "./use-tour-focus";
import "./tour.css";

export interface TourPlayerProps {
  demo: TourDemo;
  sandboxId: string;
}

const subscribeNever = () => () => {};
const notFromServer = () => false;
const renderedOnServer = () => true;

export function TourPlayer({ demo, sandboxId }: TourPlayerProps) {
  const { state, dispatch, restored } = useTour(demo, sandboxId);
  // Only a page rendered on the server shows the opening card before hydration; a tour mounted in the browser
  // reads its progress first. Kept from the first render: hydration's snapshot is the server's.
  const fromServer = useRef(useSyncExternalStore(subscribeNever, notFromServer, renderedOnServer)).current;
  const opening = fromServer && !restored ? openingCardStep(demo) : undefined;
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
  useStepAnnouncement(demo.locale, step?.title, state.trail.length, total, placement.status);

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
    // The same shape as the opening card's below (a slot, then the card), so going live keeps its element.
    return (
      <>
        {null}
        <TourPopover
          lang={demo.locale}
          step={step}
          index={state.trail.length}
          total={total}
          mode={placement.mode}
          onClose={() => dispatch({ type: "close" })}
          popoverRef={popoverRef}
          headingRef={headingRef}
        >
          <TargetMissing status={placement.status} lang={demo.locale} spec={step} onSkip={() => dispatch({ type: "skip" })} />
          <StepActions
            step={step}
            lang={demo.locale}
            canGoBack={state.trail.length > 0}
            onNext={() => dispatch({ type: "next" })}
            onBack={() => dispatch({ type: "back" })}
            onSkip={() => dispatch({ type: "skip" })}
            onChoose={(path) => dispatch({ type: "choose", path })}
            onCta={() => dispatch({ type: "ctaFollowed" })}
            onNavigate={() => {
              const to = step.navigate?.path;
              if (!to) return;
              // Already there (a reload on that page): nothing to navigate, the step is done.
              if (productPath(pathname, sandboxId) === to) dispatch({ type: "arrived", path: to });
              else router.push(to === "/" ? `/s/${sandboxId}` : `/s/${sandboxId}${to}`);
            }}
          />
        </TourPopover>
      </>
    );
  }
  if (opening) {
    // The welcome card in the server's HTML, on screen with the page's first paint rather than after hydration
    // and the tour's start. Its buttons are aria-disabled until then (a click before hydration would be lost),
    // and a returning visitor's resumingScript hides it before it paints: they resume where they were instead.
    return (
      <>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script of ours; the key is JSON-escaped */}
        <script dangerouslySetInnerHTML={{ __html: resumingScript(sandboxId, demo) }} />
        <TourPopover
          lang={demo.locale}
          step={opening}
          index={0}
          total={1 + opening.stepsLeft}
          mode="centered"
          prerendered
          onClose={() => {}}
          popoverRef={popoverRef}
          headingRef={headingRef}
        >
          <TargetMissing status="none" lang={demo.locale} spec={opening} onSkip={() => {}} />
          <StepActions
            step={opening}
            lang={demo.locale}
            canGoBack={false}
            pending
            onNext={() => {}}
            onBack={() => {}}
            onSkip={() => {}}
            onChoose={() => {}}
            onCta={() => {}}
            onNavigate={() => {}}
          />
        </TourPopover>
      </>
    );
  }
  if (state.status !== "closed" && state.status !== "finished") return null;
  return (
    <button ref={resumeRef} type="button" className="tour-resume" data-testid="tour-resume" onClick={() => dispatch({ type: "resume" })}>
      {state.status === "finished" ? "Restart tour" : "Resume tour"}
    </button>
  );
}
