"use client";
// "Talk to a human": always one click away, records a hand-raise, shows how to reach the team. No form.
import { useId, useState } from "react";
import { track } from "@/components/signals/tracker";
import { useSandbox } from "./SandboxContext";

export function TalkToHuman({ contactUrl, contactLabel }: { contactUrl: string; contactLabel: string }) {
  const [open, setOpen] = useState(false);
  const { demoSlug } = useSandbox();
  const panelId = useId();
  return (
    <div className="talk-to-human">
      <button
        type="button"
        className="button secondary"
        data-tour="talk-to-human"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          if (!open) track({ type: "handraise", demo: demoSlug });
          setOpen(!open);
        }}
      >
        Talk to a human
      </button>
      <section id={panelId} className="talk-panel card" hidden={!open} aria-label="Talk to a human">
        <p>
          <strong>Thanks — someone from our team will gladly help.</strong> Reach us directly; there is nothing to fill in.
        </p>
        <a className="button" href={contactUrl} target="_blank" rel="noopener noreferrer">
          {contactLabel}
        </a>
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>
          Close
        </button>
      </section>
    </div>
  );
}
