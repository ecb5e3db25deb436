"use client";
// The "Talk to a human" panel: the prospect types a question, nothing else is asked. Says plainly whether
// someone is here now, or when the team replies and where to book a time. When the team closed the conversation
// it says so and the prospect may simply write again (that reopens it); when the team paused it, the message
// box gives way to the booking link, so nobody types into a void.
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useId, useState } from "react";
import { askTourToShowStep } from "@/components/tour/actions";
import { enterSendsHint, sendOnEnter } from "./enter-sends";
import { SuggestionCard } from "./SuggestionCard";
import { useConversation } from "./use-conversation";
import "./conversation.css";

export type ConversationPanelProps = {
  id: string;
  open: boolean;
  onClose: () => void;
  sandboxId: string;
  hasThread: boolean;
  initialUnread: number;
  onUnread: (count: number) => void;
};

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });

export function ConversationPanel(props: ConversationPanelProps) {
  const conversation = useConversation(props);
  const router = useRouter();
  const [draft, setDraft] = useState("");
  const fieldId = useId();
  const hintId = useId();
  const { onUnread } = props;
  useEffect(() => onUnread(conversation.unread), [onUnread, conversation.unread]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Enter submits the form itself, so an empty box or a send under way is refused here, not by the button.
    if (conversation.sending || draft.trim() === "") return;
    if (await conversation.send(draft)) setDraft("");
  };
  const { team } = conversation;

  return (
    <section id={props.id} className="talk-panel card" hidden={!props.open} aria-label="Talk to a human" data-testid="conversation-panel">
      <h2 className="talk-title">Talk to a human</h2>
      <p className="talk-status" data-testid="team-status">
        {team === undefined ? (
          "…"
        ) : team.online ? (
          <strong>Someone is here now.</strong>
        ) : (
          <>
            {team.replyHours}{" "}
            <a href={team.bookingUrl} target="_blank" rel="noopener noreferrer" data-testid="booking-link">
              {team.bookingLabel}
            </a>
          </>
        )}
      </p>
      <div role="log" aria-live="polite" aria-label="Conversation" data-testid="conversation-thread">
        <ol className="talk-thread">
          {conversation.messages.map((message) => (
            <li key={message.id} className={`talk-message from-${message.author}`} data-author={message.author}>
              <span className="talk-author">{message.author === "visitor" ? "You" : (message.authorName ?? "Our team")}</span>{" "}
              <time dateTime={new Date(message.at).toISOString()}>{timeFormat.format(message.at)}</time>
              {message.suggestion ? (
                <SuggestionCard
                  suggestion={message.suggestion}
                  why={message.body}
                  onShow={async () => {
                    const opened = await conversation.openSuggestion(message.id);
                    if (!opened) return;
                    // The prospect chose this: only now does their screen move.
                    if (opened.path) router.push(`/s/${props.sandboxId}${opened.path === "/" ? "" : opened.path}`);
                    if (opened.step) askTourToShowStep(opened.step);
                    props.onClose();
                  }}
                />
              ) : (
                // Plain text: React escapes it, and a link stays text that nothing fetches.
                <p>{message.body}</p>
              )}
            </li>
          ))}
        </ol>
      </div>
      {conversation.teamTyping ? <p className="talk-typing">{conversation.teamTyping}</p> : null}
      {conversation.liveStopped ? (
        <p className="talk-notice" role="status" data-testid="conversation-live-stopped">
          Replies no longer appear in this tab as they arrive (it may be open in newer tabs). Reload the page to see new ones here.
        </p>
      ) : null}
      {conversation.paused ? (
        <p className="talk-notice" data-testid="conversation-notice">
          Our team has paused this conversation, so new messages are not sent. To reach us:{" "}
          {team ? (
            <a href={team.bookingUrl} target="_blank" rel="noopener noreferrer">
              {team.bookingLabel}
            </a>
          ) : (
            "book a time"
          )}
          .
        </p>
      ) : conversation.status === "closed" ? (
        <p className="talk-notice" data-testid="conversation-notice">
          Our team closed this conversation. Write again any time and it reopens; your messages stay here.
        </p>
      ) : null}
      {conversation.paused ? (
        <div className="talk-actions">
          <button type="button" className="button secondary" onClick={props.onClose}>
            Close
          </button>
        </div>
      ) : (
        <form className="talk-compose" onSubmit={submit}>
          <label htmlFor={fieldId}>Your question</label>
          <textarea
            className="talk-input"
            id={fieldId}
            aria-describedby={hintId}
            value={draft}
            maxLength={2000}
            rows={3}
            onKeyDown={sendOnEnter}
            onChange={(event) => {
              setDraft(event.target.value);
              conversation.typing();
            }}
          />
          <p id={hintId} className="talk-hint">
            No name or email needed. Your conversation stays with this browser. {enterSendsHint}
          </p>
          {conversation.error ? (
            <p className="error-text" role="alert">
              {conversation.error}
            </p>
          ) : null}
          <div className="talk-actions">
            <button type="submit" className="button" disabled={conversation.sending || draft.trim() === ""}>
              Send
            </button>
            <button type="button" className="button secondary" onClick={props.onClose}>
              Close
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
