"use client";
// The team's conversations: the inbox, one thread with the prospect's context beside it, a reply box. New
// messages and typing arrive live; replies are plain POSTs.
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { enterSendsHint, sendOnEnter } from "@/components/conversation/enter-sends";
import {
  type ConversationContext,
  type InboxEntry,
  replySentSchema,
  type Suggestable,
  type TeamThread,
  teamInboxSchema,
  teamThreadAnswerSchema,
} from "@/lib/contracts/conversations";
import { readAnswer } from "@/lib/contracts/read-answer";
import { typingSentEveryMs, typingShownMs } from "@/lib/conversations/typing-timing";
import { formatWhen } from "./format";
import { liveStoppedSentence } from "./LiveRefresh";
import { SuggestForm } from "./SuggestForm";
import { useTeamStream } from "./use-team-stream";
import "@/components/conversation/conversation.css";

export function ConversationsWorkspace({ initialInbox, initialSelected }: { initialInbox: InboxEntry[]; initialSelected?: string }) {
  const [inbox, setInbox] = useState(initialInbox);
  const [selected, setSelected] = useState<string | undefined>(initialSelected ?? initialInbox[0]?.id);
  const [thread, setThread] = useState<TeamThread | undefined>();
  const [context, setContext] = useState<ConversationContext | undefined>();
  const [suggestable, setSuggestable] = useState<Suggestable[]>([]);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const [prospectTyping, setProspectTyping] = useState(false);
  const [live, setLive] = useState<"connecting" | "live" | "stopped">("connecting");
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastTypingSent = useRef(0);

  const loadInbox = useCallback(async () => {
    const answer = await readAnswer(await fetch("/api/sales/conversations", { cache: "no-store" }), teamInboxSchema);
    if (answer.ok) setInbox(answer.value.conversations);
  }, []);
  const loadThread = useCallback(async (id: string) => {
    const response = await fetch(`/api/sales/conversations/${encodeURIComponent(id)}`, { cache: "no-store" });
    const answer = await readAnswer(response, teamThreadAnswerSchema);
    if (!answer.ok) return;
    setThread(answer.value.conversation);
    setContext(answer.value.context);
    setSuggestable(answer.value.suggestable);
  }, []);

  useEffect(() => {
    if (selected) void loadThread(selected);
  }, [selected, loadThread]);

  useTeamStream(
    ["conversation.message", "conversation.updated", "typing"],
    (event) => {
      switch (event.type) {
        case "conversation.message": {
          const { conversationId } = event.payload;
          void loadInbox();
          if (conversationId === selected) {
            setProspectTyping(false);
            void loadThread(conversationId);
          } else if (!selected) setSelected(conversationId);
          return;
        }
        case "conversation.updated":
          void loadInbox();
          if (event.payload.conversationId === selected) void loadThread(event.payload.conversationId);
          return;
        case "typing":
          if (event.payload.who !== "visitor" || event.payload.conversationId !== selected) return;
          setProspectTyping(true);
          clearTimeout(typingTimer.current);
          typingTimer.current = setTimeout(() => setProspectTyping(false), typingShownMs);
      }
    },
    {
      onOpen: () => {
        // Connected (or back): catch up on what arrived between the server render and now.
        setLive("live");
        void loadInbox();
        if (selected) void loadThread(selected);
      },
      onDrop: () => setLive("connecting"),
      onStop: () => setLive("stopped"),
    },
  );

  const reply = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Enter submits the form itself, so an empty reply is refused here, not only by the disabled button.
    if (!selected || sending || draft.trim() === "") return;
    setError(undefined);
    setSending(true);
    const response = await fetch(`/api/sales/conversations/${encodeURIComponent(selected)}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ body: draft }),
    }).finally(() => setSending(false));
    const answer = await readAnswer(response, replySentSchema);
    if (!answer.ok) {
      setError(answer.error ?? "The reply was not sent");
      return;
    }
    setDraft("");
    await Promise.all([loadThread(selected), loadInbox()]);
  };

  const change = async (update: { status?: "open" | "closed"; muted?: boolean }) => {
    if (!selected) return;
    await fetch(`/api/sales/conversations/${encodeURIComponent(selected)}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(update),
    });
    await Promise.all([loadThread(selected), loadInbox()]);
  };

  return (
    <>
      <p className="muted" role="status" data-testid="live-status">
        {live === "live"
          ? "Live: new messages and typing appear here as they happen."
          : live === "stopped"
            ? liveStoppedSentence
            : "Connecting to live updates…"}
      </p>
      <div className="conversations">
        <nav aria-label="Conversations" className="conversations-inbox card">
          {inbox.length === 0 ? (
            <p className="empty">No conversations yet. When a prospect asks a question in a demo, it appears here at once.</p>
          ) : (
            <ul>
              {inbox.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    className={`inbox-item${item.id === selected ? " selected" : ""}`}
                    aria-current={item.id === selected ? "true" : undefined}
                    onClick={() => setSelected(item.id)}
                    data-testid="inbox-item"
                  >
                    <span className="inbox-line">
                      <strong>{item.demoTitle ?? "A demo"}</strong>
                      {item.unanswered && item.status === "open" ? <span className="badge">Waiting</span> : null}
                      {item.status === "closed" ? <span className="badge muted">Closed</span> : null}
                      {item.muted ? <span className="badge muted">Muted</span> : null}
                    </span>
                    <span className="inbox-excerpt">{item.lastMessage}</span>
                    <span className="muted">
                      {formatWhen(new Date(item.lastMessageAt))} · {item.assigneeName ? `with ${item.assigneeName}` : "unclaimed"}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </nav>
        {thread ? (
          <section className="conversation-thread card" aria-label="Conversation">
            <div role="log" aria-live="polite" aria-label="Messages" data-testid="team-thread">
              <ol className="talk-thread">
                {thread.messages.map((message) => (
                  <li key={message.id} className={`talk-message from-${message.author}`}>
                    <span className="talk-author">{message.author === "visitor" ? "Prospect" : (message.authorName ?? "Team")}</span>{" "}
                    <time dateTime={new Date(message.at).toISOString()}>{formatWhen(new Date(message.at))}</time>
                    {message.suggestion ? (
                      <p className="suggestion-sent" data-testid="suggestion-sent">
                        Suggested {message.suggestion.kind === "page" ? "the page" : "the tour step"}{" "}
                        <strong>{message.suggestion.label}</strong> ·{" "}
                        <span data-testid="suggestion-state">{message.suggestion.openedAt ? "Opened" : "Not opened yet"}</span>
                      </p>
                    ) : null}
                    <p>{message.body}</p>
                  </li>
                ))}
              </ol>
            </div>
            {prospectTyping ? <p className="muted">The prospect is typing…</p> : null}
            {thread.muted ? (
              <p className="muted" data-testid="muted-note">
                Muted: this visitor's new messages are refused, and their panel says the conversation is paused.
              </p>
            ) : thread.status === "closed" ? (
              <p className="muted">Closed: the prospect's panel says so; if they write again it reopens here.</p>
            ) : null}
            <form onSubmit={reply} className="talk-compose">
              <label htmlFor="reply">Reply</label>
              <textarea
                className="talk-input"
                id="reply"
                aria-describedby="reply-hint"
                rows={3}
                onKeyDown={sendOnEnter}
                maxLength={2000}
                value={draft}
                onChange={(event) => {
                  setDraft(event.target.value);
                  if (selected && Date.now() - lastTypingSent.current > typingSentEveryMs) {
                    lastTypingSent.current = Date.now();
                    void fetch(`/api/sales/conversations/${encodeURIComponent(selected)}/typing`, { method: "POST" });
                  }
                }}
              />
              <p id="reply-hint" className="talk-hint">
                {enterSendsHint}
              </p>
              {error ? (
                <p role="alert" className="error-text">
                  {error}
                </p>
              ) : null}
              <div className="talk-actions">
                <button type="submit" className="button" disabled={sending || draft.trim() === ""}>
                  Send reply
                </button>
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => change({ status: thread.status === "open" ? "closed" : "open" })}
                >
                  {thread.status === "open" ? "Close conversation" : "Reopen"}
                </button>
                <button type="button" className="button secondary" onClick={() => change({ muted: !thread.muted })}>
                  {thread.muted ? "Unmute visitor" : "Mute visitor"}
                </button>
              </div>
            </form>
            <SuggestForm
              options={suggestable}
              onSend={async (kind, target, why) => {
                if (!selected) return "Choose a conversation first";
                const response = await fetch(`/api/sales/conversations/${encodeURIComponent(selected)}/suggestions`, {
                  method: "POST",
                  headers: { "content-type": "application/json" },
                  body: JSON.stringify({ kind, target, why }),
                });
                const answer = await readAnswer(response, replySentSchema);
                if (!answer.ok) return answer.error ?? "The suggestion was not sent";
                await Promise.all([loadThread(selected), loadInbox()]);
                return undefined;
              }}
            />
          </section>
        ) : null}
        {context ? (
          <aside className="conversation-context card" aria-label="About this prospect" data-testid="conversation-context">
            <h2>About this prospect</h2>
            {!context.linked ? (
              <p className="muted">
                They asked not to be tracked (Global Privacy Control / Do-Not-Track): only the demo they asked from is known.
              </p>
            ) : null}
            <dl>
              <dt>Demo</dt>
              <dd>{context.demo ?? "—"}</dd>
              {context.madeFor ? (
                <>
                  <dt>Copy made for</dt>
                  <dd data-testid="made-for">{context.madeFor} (from a personalised link: a hint, not who they are)</dd>
                </>
              ) : null}
              {context.currentStep ? (
                <>
                  <dt>Tour step</dt>
                  <dd>{context.currentStep}</dd>
                </>
              ) : null}
              {context.persona ? (
                <>
                  <dt>Role chosen</dt>
                  <dd>{context.persona}</dd>
                </>
              ) : null}
              {context.locale ? (
                <>
                  <dt>Locale</dt>
                  <dd>{context.locale}</dd>
                </>
              ) : null}
              {context.account ? (
                <>
                  <dt>Account</dt>
                  <dd>
                    <a href={`/sales/accounts/${encodeURIComponent(context.account.id)}`}>{context.account.name}</a>
                  </dd>
                </>
              ) : context.source ? (
                <>
                  <dt>Came from</dt>
                  <dd>
                    {Object.entries(context.source)
                      .map(([key, value]) => `${key}: ${value}`)
                      .join(", ")}
                  </dd>
                </>
              ) : null}
              {context.device ? (
                <>
                  <dt>Device</dt>
                  <dd>{context.device}</dd>
                </>
              ) : null}
            </dl>
            {context.built.length > 0 ? (
              <>
                <h3>What they did in the sandbox</h3>
                <ul data-testid="context-built">
                  {context.built.map((sentence, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: sentences repeat; their order is their identity
                    <li key={index}>{sentence}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </aside>
        ) : null}
      </div>
    </>
  );
}
