"use client";
// "Talk to a human": always one click away, records a hand-raise, opens a conversation with the team. No form:
// the prospect types a question, or books a time. Unread replies are marked on the button.
import { useCallback, useId, useState } from "react";
import { ConversationPanel } from "@/components/conversation/ConversationPanel";
import { track } from "@/components/signals/tracker";
import { useSandbox } from "./SandboxContext";

export type TalkToHumanProps = { hasThread: boolean; unread: number };

export function TalkToHuman({ hasThread, unread: initialUnread }: TalkToHumanProps) {
  const [open, setOpen] = useState(false);
  const [unread, setUnread] = useState(initialUnread);
  const { demoSlug, sandboxId } = useSandbox();
  const panelId = useId();
  const onUnread = useCallback((count: number) => setUnread(count), []);
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
        {unread > 0 && !open ? (
          <span className="talk-unread" data-testid="talk-unread">
            {" "}
            <span aria-hidden="true">•</span>
            <span className="visually-hidden">
              ({unread} new {unread === 1 ? "reply" : "replies"})
            </span>
          </span>
        ) : null}
      </button>
      <ConversationPanel
        id={panelId}
        open={open}
        onClose={() => setOpen(false)}
        sandboxId={sandboxId}
        hasThread={hasThread}
        initialUnread={initialUnread}
        onUnread={onUnread}
      />
    </div>
  );
}
