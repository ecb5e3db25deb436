"use client";
// "Invite a colleague": a link to this very copy, to share however the prospect likes (no email or name asked).
// Opening the panel makes the link if the copy has none; it says who is in the copy ("You and 2 colleagues"),
// copies the link, and turns it off (then a new one can be made).
import { useActionState, useEffect, useId, useRef, useState, useTransition } from "react";
import type { BoundAction, BoundFormAction } from "@/lib/pipeline/action-state";
import { ActionError } from "./ActionError";

export type InviteColleagueProps = {
  /** The copy's live link token, or null when it has none (never made, or turned off). */
  token: string | null;
  /** "You and 2 colleagues". */
  sentence: string;
  /** Everyone listed, "You" first (people who asked not to be tracked are not listed). */
  people: string[];
  maxPeople: number;
  /** Colleagues joined: each may type a name for themselves (optional). */
  shared: boolean;
  /** The name the viewer typed for themselves, if any. */
  ownName: string | null;
  makeLink: BoundAction;
  turnOff: BoundAction;
  nameAction: BoundFormAction;
};

export function InviteColleague({
  token,
  sentence,
  people,
  maxPeople,
  shared,
  ownName,
  makeLink,
  turnOff,
  nameAction,
}: InviteColleagueProps) {
  const [named, saveName, saving] = useActionState(nameAction, {});
  const nameId = useId();
  const nameHintId = useId();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const [origin, setOrigin] = useState("");
  const panelId = useId();
  const titleId = useId();
  const fieldId = useId();
  const openerRef = useRef<HTMLButtonElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const path = token ? `/join/${token}` : "";
  const url = token ? `${origin}${path}` : "";

  // The page's own origin, known only in the browser: whatever host name the prospect reached us by.
  useEffect(() => setOrigin(window.location.origin), []);

  // Open, the panel covers part of the page: a press anywhere outside it closes it, as Escape does.
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (event.target instanceof Node && !wrapperRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);

  function run(action: BoundAction, done: string) {
    setError(undefined);
    setStatus("");
    startTransition(async () => {
      try {
        await action();
        setStatus(done);
      } catch {
        setError("That did not work. Please try again in a moment.");
      }
    });
  }

  function toggle() {
    const opening = !open;
    setOpen(opening);
    // The first time anyone asks, the copy gets its link.
    if (opening && !token) run(makeLink, "");
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Link copied");
    } catch {
      setStatus("Select the link and copy it");
    }
  }

  return (
    <div ref={wrapperRef} className="reset-demo invite-colleague">
      <button ref={openerRef} type="button" className="button secondary" aria-expanded={open} aria-controls={panelId} onClick={toggle}>
        Invite a colleague
      </button>
      {/* biome-ignore lint/a11y/useSemanticElements: a few controls about one link, not a form to submit */}
      <div
        id={panelId}
        className="reset-panel invite-panel card"
        role="group"
        aria-labelledby={titleId}
        hidden={!open}
        data-testid="invite-panel"
        onKeyDown={(event) => {
          if (event.key !== "Escape") return;
          // Answered here: the menu around this button must not close on the same key.
          event.stopPropagation();
          setOpen(false);
          openerRef.current?.focus();
        }}
      >
        <p id={titleId}>
          <strong data-testid="copy-people">{sentence}</strong> in this copy
        </p>
        {people.length > 1 ? (
          <ul className="invite-people" data-testid="copy-people-list">
            {people.map((label, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: labels may repeat ("Colleague" names typed alike); order is identity
              <li key={index}>{label}</li>
            ))}
          </ul>
        ) : null}
        {shared ? (
          <form action={saveName} className="invite-name">
            <label htmlFor={nameId}>Your name in this copy (optional)</label>
            <input
              id={nameId}
              name="name"
              className="invite-link"
              maxLength={40}
              defaultValue={named.values?.name ?? ownName ?? ""}
              aria-describedby={nameHintId}
            />
            <p id={nameHintId} className="muted">
              Shown only to the people in this copy and our team; without one you are “Colleague”.
            </p>
            <button type="submit" className="button secondary" disabled={saving}>
              Save name
            </button>
            <ActionError error={named.error} />
          </form>
        ) : null}
        <p className="muted">
          Whoever opens the link joins this copy with their own tour: what they change, you see. Nobody is asked for a name or email. Up to{" "}
          {maxPeople} people.
        </p>
        {token ? (
          <>
            <label htmlFor={fieldId}>Link to this copy</label>
            <input id={fieldId} className="invite-link" readOnly value={url} data-path={path} onFocus={(event) => event.target.select()} />
            <div className="reset-actions">
              <button type="button" className="button" onClick={copy}>
                Copy link
              </button>
              <button type="button" className="button secondary" disabled={pending} onClick={() => run(turnOff, "The link is off")}>
                Turn the link off
              </button>
            </div>
          </>
        ) : (
          <div className="reset-actions">
            <button type="button" className="button" disabled={pending} onClick={() => run(makeLink, "A new link is ready")}>
              {pending ? "Making a link…" : "Make a new link"}
            </button>
          </div>
        )}
        <p role="status" className="muted">
          {status}
        </p>
        <ActionError error={error} />
      </div>
    </div>
  );
}
