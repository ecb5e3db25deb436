"use client";
// The preview beside its controls: the product (with its tour) in a frame on the member's throwaway sandbox,
// and the step list, persona and locale switches and element picker next to it. Same origin, so the studio
// opens the tour at a step by storing the state the tour resumes from, exactly as a returning visitor's.
import { useRef, useState } from "react";
import { browserTourStorage, saveTourState, tourProgressName } from "@/components/tour/persistence";
import type { PreviewPage } from "@/lib/studio/preview/preview-page";
import type { StepJump } from "@/lib/studio/preview/step-list";
import { ElementPicker } from "./ElementPicker";
import "./preview.css";

const localeNames: Record<string, string> = { en: "English", de: "Deutsch", fr: "Français", es: "Español", nl: "Nederlands" };

function productUrl(sandboxId: string, page: string): string {
  return page === "/" ? `/s/${sandboxId}` : `/s/${sandboxId}${page}`;
}

export function PreviewStudio({ initial }: { initial: PreviewPage }) {
  const [page, setPage] = useState(initial);
  const [status, setStatus] = useState("");
  const frameRef = useRef<HTMLIFrameElement | null>(null);
  const highlightRef = useRef<HTMLDivElement | null>(null);

  function jump(jump: StepJump, title: string) {
    const state = { status: "active" as const, stepId: jump.stepId, trail: jump.trail, answers: jump.answers };
    saveTourState(browserTourStorage(), page.sandboxId, tourProgressName({ slug: page.slug, persona: page.persona }), state);
    // A full load, even on the same page: the tour reads the stored step when it mounts.
    frameRef.current?.contentWindow?.location.assign(productUrl(page.sandboxId, jump.page));
    setStatus(`Opened the tour at “${title}”.`);
  }

  // Changes go out one at a time, each from the settings the one before it answered: two quick clicks
  // (persona, then language) would otherwise both send the old page's other setting, and the later answer wins.
  const latest = useRef(initial);
  const changes = useRef<Promise<void>>(Promise.resolve());
  function change(settings: { persona?: string; locale?: string }, said: string) {
    changes.current = changes.current.then(() => send(settings, said));
  }

  async function send(settings: { persona?: string; locale?: string }, said: string) {
    const current = latest.current;
    const response = await fetch(`/api/studio/preview/${current.sandboxId}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ persona: current.persona ?? "", locale: current.locale, ...settings }),
    }).catch(() => undefined);
    const body = ((await response?.json().catch(() => ({}))) ?? {}) as { preview?: PreviewPage; error?: string };
    if (!response?.ok || !body.preview) {
      setStatus(body.error ?? "That did not work; reload the page and try again.");
      return;
    }
    latest.current = body.preview;
    setPage(body.preview);
    frameRef.current?.contentWindow?.location.reload();
    setStatus(said);
  }

  return (
    <div className="studio-preview">
      <aside className="studio-preview-panel" aria-labelledby="studio-preview-title">
        <h1 id="studio-preview-title">Preview: {page.title}</h1>
        <p className="studio-hint">A throwaway copy for you alone. Nothing done in it is recorded or shown in the sales workspace.</p>
        <p className="visually-hidden" role="status">
          {status}
        </p>

        {page.personas.length > 0 ? (
          <fieldset className="studio-switch">
            <legend>Persona</legend>
            {[{ id: "", label: "Everyone" }, ...page.personas].map((persona) => (
              <button
                key={persona.id || "everyone"}
                type="button"
                className="button secondary"
                aria-pressed={(page.persona ?? "") === persona.id}
                onClick={() => change({ persona: persona.id }, `Showing the tour as ${persona.label}.`)}
              >
                {persona.label}
              </button>
            ))}
          </fieldset>
        ) : null}

        {page.locales.length > 1 ? (
          <fieldset className="studio-switch">
            <legend>Language</legend>
            {page.locales.map((locale) => (
              <button
                key={locale}
                type="button"
                lang={locale}
                className="button secondary"
                aria-pressed={page.locale === locale}
                onClick={() => change({ locale }, `Showing the tour in ${localeNames[locale] ?? locale}.`)}
              >
                {localeNames[locale] ?? locale}
              </button>
            ))}
          </fieldset>
        ) : null}

        <ElementPicker frameRef={frameRef} highlightRef={highlightRef} />

        <section aria-labelledby="studio-steps-heading">
          <h2 id="studio-steps-heading">Steps</h2>
          <ol className="studio-steps" lang={page.locale}>
            {page.steps.map((step) => (
              <li key={step.id}>
                {step.jump ? (
                  <button type="button" className="studio-step" onClick={() => step.jump && jump(step.jump, step.title)}>
                    <span>{step.title}</span> <code>{step.id}</code>
                  </button>
                ) : (
                  <span className="studio-step unavailable">
                    <span>{step.title}</span> <code>{step.id}</code>
                    <span className="studio-hint" lang="en">
                      {step.onlyFor ? ` Only as ${step.onlyFor}.` : " Not on this tour."}
                    </span>
                  </span>
                )}
                {step.path !== "main" ? (
                  <span className="studio-hint" lang="en">
                    {" "}
                    path {step.path}
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      </aside>
      <div className="studio-preview-frame">
        <iframe ref={frameRef} title={`The product, as a prospect sees it: ${page.title}`} src={productUrl(page.sandboxId, "/")} />
        <div ref={highlightRef} className="studio-highlight" hidden aria-hidden="true" />
      </div>
    </div>
  );
}
