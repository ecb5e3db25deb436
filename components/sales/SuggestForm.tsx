"use client";
// "Suggest instead of pushing": a page of the product or a step of the demo's tour (only what the manifest and
// the demo offer), with one line of why. The prospect sees it as a card with "Show me" and "Not now".
import { type FormEvent, useState } from "react";
import type { Suggestable } from "@/lib/contracts/conversations";

type Props = {
  options: Suggestable[];
  /** Sends it; answers the error to show, or undefined when it went. */
  onSend: (kind: Suggestable["kind"], target: string, why: string) => Promise<string | undefined>;
};

const optionValue = (option: Suggestable) => `${option.kind}:${option.target}`;

export function SuggestForm({ options, onSend }: Props) {
  const [choice, setChoice] = useState("");
  const [why, setWhy] = useState("");
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const chosen = options.find((option) => optionValue(option) === choice);

  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!chosen || sending || why.trim() === "") return;
    setSending(true);
    setError(undefined);
    const refused = await onSend(chosen.kind, chosen.target, why).finally(() => setSending(false));
    setError(refused);
    if (!refused) {
      setWhy("");
      setChoice("");
    }
  };

  const pages = options.filter((option) => option.kind === "page");
  const steps = options.filter((option) => option.kind === "step");
  return (
    <form onSubmit={send} className="suggest-form" aria-label="Suggest a page or tour step">
      <h3>Suggest instead</h3>
      <p className="muted">The prospect sees a card with “Show me” and “Not now”: nothing moves on their screen unless they choose it.</p>
      <label htmlFor="suggest-target">Page or tour step</label>
      <select id="suggest-target" value={choice} onChange={(event) => setChoice(event.target.value)}>
        <option value="">Choose…</option>
        <optgroup label="Pages">
          {pages.map((option) => (
            <option key={optionValue(option)} value={optionValue(option)}>
              {option.label}
            </option>
          ))}
        </optgroup>
        {steps.length > 0 ? (
          <optgroup label="Tour steps">
            {steps.map((option) => (
              <option key={optionValue(option)} value={optionValue(option)}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
      <label htmlFor="suggest-why">Why (one line)</label>
      <input id="suggest-why" value={why} maxLength={200} onChange={(event) => setWhy(event.target.value)} />
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      <div className="talk-actions">
        <button type="submit" className="button secondary" disabled={!chosen || sending || why.trim() === ""}>
          Send suggestion
        </button>
      </div>
    </form>
  );
}
